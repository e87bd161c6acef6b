package io.tillgate.p3.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PayClient} reconnects after a drop: exponential backoff from {@code initialDelay},
 * doubling up to {@code maxDelay}, giving up once {@code giveUpAfter} has passed since the drop.
 * Bounded so a client in front of a server that is gone for good reports that, instead of trying
 * forever. {@code giveUpAfter} of zero disables reconnecting.
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {

    /** 200 ms doubling to 5 s, for at most 60 s. */
    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60));

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay and giveUpAfter >= 0, got "
                    + initialDelay + ", " + maxDelay + ", " + giveUpAfter);
        }
    }

    /** The wait before attempt {@code attempt} (1 = the first reconnect). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
        }
        Duration delay = initialDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
