package io.tillgate.core.simulated;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulated card flow takes.
 *
 * @param step each machine step (connecting, processing, card removal)
 * @param customer each customer step (presenting the card, entering the PIN)
 * @param slowCard how long cents 93 waits for the card before it approves
 */
public record SimulatedTiming(Duration step, Duration customer, Duration slowCard) {

    /** Human timings for demos: a transaction takes a few seconds. */
    public static final SimulatedTiming REALISTIC =
            new SimulatedTiming(Duration.ofMillis(400), Duration.ofMillis(1500), Duration.ofSeconds(30));

    /** Near-zero timings for tests and benchmarks; cents 93 still waits so it can be aborted. */
    public static final SimulatedTiming FAST = new SimulatedTiming(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));

    public SimulatedTiming {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(slowCard, "slowCard");
        if (step.isNegative() || customer.isNegative() || slowCard.isNegative()) {
            throw new IllegalArgumentException("timings must not be negative");
        }
    }

    /** {@code realistic} or {@code fast}, as written in configuration. */
    public static SimulatedTiming named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "realistic" -> REALISTIC;
            case "fast" -> FAST;
            default -> throw new IllegalArgumentException(
                    "unknown simulated speed '" + name + "' (expected realistic, fast or a step duration)");
        };
    }

    /** Every machine and customer step taking {@code step}; for tests that need time to interfere. */
    public static SimulatedTiming everyStep(Duration step) {
        return new SimulatedTiming(step, step, Duration.ofSeconds(30));
    }
}
