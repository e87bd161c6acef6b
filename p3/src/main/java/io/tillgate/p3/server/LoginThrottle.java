package io.tillgate.p3.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes guessing a merchant secret slow and then impossible (PCI DSS 8.3.4): failed logins are
 * counted per {@link Key} — source address and merchant identifier — so a POS mistyping its
 * secret, or an attacker, locks out only itself, and the right merchant at another address logs
 * in as before. One instance serves every connection of a P3 server, both transports.
 *
 * <p>After the {@linkplain LoginThrottleSettings#freeFailures() free failures} each failure makes
 * the key wait a growing {@linkplain LoginThrottleSettings#delayAfter delay} before its next
 * attempt is checked, and the {@linkplain LoginThrottleSettings#failuresBeforeLockout() last
 * allowed} failure locks it out for {@linkplain LoginThrottleSettings#lockout() the lock-out
 * time}. A success forgets the key's failures.
 *
 * <p><b>Project decision:</b> an attempt made before its key may try again is refused at once,
 * unchecked and uncounted, with a message saying until when; it is not held back and answered
 * later. So no event loop ever waits, no timer or parked request is kept per attempt, and a POS
 * learns when to retry. Refused attempts do not count as failures because their secret was never
 * compared: only compared secrets are guesses.
 *
 * <p>Memory is bounded: a key is forgotten one lock-out time after its last failure (its lock-out
 * ends then too), and beyond {@linkplain LoginThrottleSettings#maxTrackedKeys() the cap} the key
 * that failed longest ago is forgotten first. Thread-safe; every attempt, including the secret
 * comparison, runs under one lock so that connections racing on one key cannot get more checked
 * attempts than allowed. A comparison is cheap and logins are rare, so the lock is not contended.
 */
final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /** What a failed check answers; the same whether the identifier or the secret was wrong. */
    static final String WRONG_CREDENTIALS = "merchant identifier or secret is wrong";

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final LoginObserver observer;
    /** In the order of their last failure, oldest first, which is also the order they expire in. */
    private final LinkedHashMap<Key, Failures> failures;

    /** @param observer told of each failure and lock-out */
    LoginThrottle(LoginThrottleSettings settings, Clock clock, LoginObserver observer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.failures = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
                return size() > settings.maxTrackedKeys();
            }
        };
    }

    /**
     * Checks one login attempt with {@code verify}, unless the key must wait or is locked out.
     *
     * @param verify compares the secret: the logged-in party, or empty when the identifier or
     *     secret is wrong; not called while the key waits or is locked out
     * @return the logged-in party, or the refusal's developer message (never holding the secret)
     */
    synchronized <T> Verdict<T> attempt(Key key, Supplier<Optional<T>> verify) {
        Instant now = clock.instant();
        forgetExpired(now);
        Failures earlier = failures.get(key);
        if (earlier != null && earlier.expiresAt().isAfter(now) && earlier.retryAt().isAfter(now)) {
            return Verdict.refused(earlier.lockedOut() ? lockedOut(key, earlier) : mustWait(key, earlier));
        }
        Optional<T> admitted = verify.get();
        if (admitted.isPresent()) {
            failures.remove(key);
            return new Verdict<>(admitted, null);
        }
        return Verdict.refused(failed(key, earlier, now));
    }

    /** How many keys are remembered now (expired ones included until the next attempt forgets them). */
    synchronized int trackedKeys() {
        return failures.size();
    }

    private String failed(Key key, Failures earlier, Instant now) {
        int count = earlier == null || !earlier.expiresAt().isAfter(now) ? 1 : earlier.count() + 1;
        Instant expiresAt = now.plus(settings.lockout());
        boolean lock = count >= settings.failuresBeforeLockout();
        Failures updated = new Failures(count, lock ? expiresAt : now.plus(settings.delayAfter(count)), lock,
                expiresAt);
        failures.remove(key);
        failures.put(key, updated);
        observer.failed();
        if (!lock) {
            return WRONG_CREDENTIALS;
        }
        observer.lockedOut();
        LOG.warn("P3 logins from {} for merchant '{}' locked out until {} after {} failed attempts", key.source(),
                key.merchantId(), shown(updated.retryAt()), count);
        return WRONG_CREDENTIALS + "; " + lockedOut(key, updated);
    }

    private static String lockedOut(Key key, Failures locked) {
        return "logins from " + key.source() + " for merchant '" + key.merchantId() + "' are locked out until "
                + shown(locked.retryAt()) + " after " + locked.count() + " failed attempts";
    }

    private static String mustWait(Key key, Failures waiting) {
        return "too many failed logins from " + key.source() + " for merchant '" + key.merchantId()
                + "'; not checked, retry at " + shown(waiting.retryAt()) + " or later";
    }

    /** Rounded up to the millisecond, so that a POS retrying at the time shown is never too early. */
    private static Instant shown(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? millis : millis.plus(Duration.ofMillis(1));
    }

    private void forgetExpired(Instant now) {
        Iterator<Failures> oldestFirst = failures.values().iterator();
        while (oldestFirst.hasNext() && !oldestFirst.next().expiresAt().isAfter(now)) {
            oldestFirst.remove();
        }
    }

    /**
     * Whose failures are counted together.
     *
     * @param source the connection's source address, without the port
     * @param merchantId the merchant identifier as the POS sent it, clipped
     */
    record Key(String source, String merchantId) {

        Key {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(merchantId, "merchantId");
        }
    }

    /**
     * One attempt's result.
     *
     * @param admitted the logged-in party, or empty
     * @param refusal why it was refused, or {@code null} when admitted
     */
    record Verdict<T>(Optional<T> admitted, String refusal) {

        static <T> Verdict<T> refused(String refusal) {
            return new Verdict<>(Optional.empty(), refusal);
        }
    }

    /** A key's failures since its last success: the next attempt is checked from {@code retryAt} on. */
    private record Failures(int count, Instant retryAt, boolean lockedOut, Instant expiresAt) {
    }
}
