package io.tillgate.p3.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed P3 logins are slowed down and then locked out (PCI DSS 8.3.4: lock-out after at most
 * 10 failed attempts). Failures are counted per source address and merchant identifier; a key's
 * failures are forgotten {@code lockout} after its last failure, or when its lock-out ends.
 *
 * @param failuresBeforeLockout the failure that locks the key out, 1 to {@value #MAX_FAILURES_BEFORE_LOCKOUT}
 * @param lockout how long a locked-out key is refused, and how long failures are remembered
 * @param freeFailures how many failures are retried at once, without a delay
 * @param firstDelay the delay after the first failure beyond the free ones; it doubles with each further failure
 * @param maxDelay the longest delay between two checked attempts
 * @param maxTrackedKeys how many keys are remembered at most; beyond it the oldest is forgotten, so a
 *     flood of invented merchant identifiers cannot exhaust memory
 */
public record LoginThrottleSettings(int failuresBeforeLockout, Duration lockout, int freeFailures,
        Duration firstDelay, Duration maxDelay, int maxTrackedKeys) {

    /** PCI DSS 8.3.4 allows at most this many failed attempts before a lock-out. */
    public static final int MAX_FAILURES_BEFORE_LOCKOUT = 10;

    public LoginThrottleSettings {
        if (failuresBeforeLockout < 1 || failuresBeforeLockout > MAX_FAILURES_BEFORE_LOCKOUT) {
            throw new IllegalArgumentException("failuresBeforeLockout must be between 1 and "
                    + MAX_FAILURES_BEFORE_LOCKOUT + ", was " + failuresBeforeLockout);
        }
        requirePositive(lockout, "lockout");
        if (freeFailures < 0) {
            throw new IllegalArgumentException("freeFailures must not be negative, was " + freeFailures);
        }
        requirePositive(firstDelay, "firstDelay");
        requirePositive(maxDelay, "maxDelay");
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than firstDelay " + firstDelay);
        }
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("maxTrackedKeys must be positive, was " + maxTrackedKeys);
        }
    }

    /**
     * 10 failures, then locked out 30 minutes (PCI DSS 4.0 8.3.4 asks for at least 30); before
     * that 2 free failures and delays of 250 ms doubling up to 30 s; 100,000 keys.
     */
    public static LoginThrottleSettings defaults() {
        return new LoginThrottleSettings(MAX_FAILURES_BEFORE_LOCKOUT, Duration.ofMinutes(30), 2,
                Duration.ofMillis(250), Duration.ofSeconds(30), 100_000);
    }

    /** The same delays with another lock-out rule. */
    public LoginThrottleSettings withLockout(int failures, Duration duration) {
        return new LoginThrottleSettings(failures, duration, freeFailures, firstDelay, maxDelay, maxTrackedKeys);
    }

    /** The same settings remembering at most {@code keys} keys. */
    public LoginThrottleSettings withMaxTrackedKeys(int keys) {
        return new LoginThrottleSettings(failuresBeforeLockout, lockout, freeFailures, firstDelay, maxDelay, keys);
    }

    /** How long a key waits after its {@code failures}-th failure before its next attempt is checked. */
    public Duration delayAfter(int failures) {
        int doublings = failures - freeFailures - 1;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        // Past 2^20 times the first delay the cap has long been reached; the shift cannot overflow.
        Duration delay = firstDelay.multipliedBy(1L << Math.min(doublings, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
