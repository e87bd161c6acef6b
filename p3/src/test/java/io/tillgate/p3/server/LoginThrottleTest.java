package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tillgate.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoginThrottleTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(30);
    private static final LoginThrottle.Key SHOP = new LoginThrottle.Key("192.0.2.7", "shop");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final CountingObserver observer = new CountingObserver();
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottleSettings.defaults(), clock, observer);
    /** How many secrets were compared: a refusal without a comparison leaves it alone. */
    private final AtomicInteger checked = new AtomicInteger();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).detachAppender(log);
    }

    @Test
    void delaysStartAfterTwoFreeFailuresDoubleAndAreCapped() {
        LoginThrottleSettings settings = LoginThrottleSettings.defaults();

        assertThat(settings.delayAfter(1)).isZero();
        assertThat(settings.delayAfter(2)).isZero();
        assertThat(settings.delayAfter(3)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.delayAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(settings.delayAfter(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAttemptDuringTheDelayIsRefusedUncheckedSayingWhenToRetry() {
        fail(SHOP, 2);
        attempt(SHOP, false);

        LoginThrottle.Verdict<String> early = attempt(SHOP, true);

        assertThat(early.admitted()).isEmpty();
        assertThat(early.refusal()).isEqualTo("too many failed logins from 192.0.2.7 for merchant 'shop'; not "
                + "checked, retry at 2026-12-06T10:00:00.250Z or later");
        assertThat(checked).hasValue(3);
        refusedUncheckedUntilThenAdmitted(Duration.ofMillis(250));
    }

    @Test
    void theTenthFailureLocksTheKeyOutUntilTheLockoutEnds() {
        fail(SHOP, 9);
        LoginThrottle.Verdict<String> tenth = attempt(SHOP, false);
        Instant lockedAt = clock.instant();

        assertThat(tenth.refusal()).startsWith(LoginThrottle.WRONG_CREDENTIALS + "; logins from 192.0.2.7 for "
                + "merchant 'shop' are locked out until " + lockedAt.plus(LOCKOUT) + " after 10 failed attempts");
        LoginThrottle.Verdict<String> rightSecretWhileLocked = attempt(SHOP, true);
        assertThat(rightSecretWhileLocked.admitted()).isEmpty();
        assertThat(rightSecretWhileLocked.refusal()).isEqualTo("logins from 192.0.2.7 for merchant 'shop' are locked "
                + "out until " + lockedAt.plus(LOCKOUT) + " after 10 failed attempts");
        assertThat(checked).hasValue(10);
        refusedUncheckedUntilThenAdmitted(LOCKOUT);
    }

    @Test
    void aLockoutIsLoggedOnceWithAddressAndMerchant() {
        fail(SHOP, 9);
        Instant lockedAt = clock.instant();
        attempt(SHOP, false);
        attempt(SHOP, false);
        attempt(SHOP, true);

        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("P3 logins from 192.0.2.7 for merchant 'shop' locked "
                    + "out until " + lockedAt.plus(LOCKOUT) + " after 10 failed attempts");
        });
    }

    @Test
    void theObserverHearsOfEveryCheckedFailureAndOfTheLockout() {
        fail(SHOP, 2);
        attempt(SHOP, false);
        attempt(SHOP, true);
        assertThat(observer.failed).as("the attempt during the delay was not checked").hasValue(3);

        clock.advance(LoginThrottleSettings.defaults().delayAfter(3));
        for (int failure = 4; failure <= 10; failure++) {
            attempt(SHOP, false);
            clock.advance(LoginThrottleSettings.defaults().delayAfter(failure));
        }
        attempt(SHOP, true);

        assertThat(observer.failed).hasValue(10);
        assertThat(observer.lockedOut).as("once, by the tenth failure").hasValue(1);
    }

    @Test
    void aSuccessForgetsTheFailures() {
        fail(SHOP, 9);
        assertThat(attempt(SHOP, true).admitted()).contains("shop");

        fail(SHOP, 9);

        assertThat(attempt(SHOP, true).admitted()).as("nine more failures, still not locked out").contains("shop");
    }

    @Test
    void otherAddressesAndOtherMerchantsAreNotAffected() {
        fail(SHOP, 10);

        assertThat(attempt(new LoginThrottle.Key("192.0.2.8", "shop"), true).admitted()).contains("shop");
        assertThat(attempt(new LoginThrottle.Key("192.0.2.7", "other"), true).admitted()).contains("shop");
        assertThat(attempt(SHOP, true).admitted()).isEmpty();
    }

    @Test
    void failuresAreForgottenOneLockoutAfterTheLastOne() {
        fail(SHOP, 9);
        clock.advance(LOCKOUT);

        LoginThrottle.Verdict<String> afterTheWindow = attempt(SHOP, false);

        assertThat(afterTheWindow.refusal()).as("counted as a first failure again")
                .isEqualTo(LoginThrottle.WRONG_CREDENTIALS);
        assertThat(throttle.trackedKeys()).isEqualTo(1);
        assertThat(attempt(SHOP, true).admitted()).as("no delay after a first failure").contains("shop");
        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void beyondTheCapTheKeyThatFailedLongestAgoIsForgotten() {
        LoginThrottle capped = new LoginThrottle(new LoginThrottleSettings(10, LOCKOUT, 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 3), clock, LoginObserver.NONE);
        capped.attempt(SHOP, Optional::empty);
        for (String other : new String[] {"a", "b", "c"}) {
            capped.attempt(new LoginThrottle.Key("192.0.2.7", other), Optional::empty);
        }

        assertThat(capped.trackedKeys()).isEqualTo(3);
        assertThat(capped.attempt(SHOP, () -> Optional.of("shop")).admitted())
                .as("its delay was forgotten with it").contains("shop");
        assertThat(capped.attempt(new LoginThrottle.Key("192.0.2.7", "a"), () -> Optional.of("a")).admitted())
                .as("still waiting").isEmpty();
    }

    @Test
    void moreThanTenFailuresBeforeALockoutAreRefused() {
        assertThatThrownBy(() -> LoginThrottleSettings.defaults().withLockout(11, LOCKOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failuresBeforeLockout must be between 1 and 10, was 11");
        assertThatThrownBy(() -> LoginThrottleSettings.defaults().withLockout(10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lockout must be positive, was PT0S");
    }

    /** {@link #SHOP} with the right secret: refused unchecked until {@code wait} has passed, then admitted. */
    private void refusedUncheckedUntilThenAdmitted(Duration wait) {
        int before = checked.get();
        clock.advance(wait.minusMillis(1));
        assertThat(attempt(SHOP, true).admitted()).as("1 ms too early").isEmpty();
        assertThat(checked).hasValue(before);
        clock.advance(Duration.ofMillis(1));
        assertThat(attempt(SHOP, true).admitted()).as("on time").contains("shop");
        assertThat(checked).hasValue(before + 1);
    }

    /** {@code count} failures of {@code key}, each as soon as it may try again. */
    private void fail(LoginThrottle.Key key, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(attempt(key, false).refusal()).startsWith(LoginThrottle.WRONG_CREDENTIALS);
            clock.advance(LoginThrottleSettings.defaults().delayAfter(i + 1));
        }
    }

    private LoginThrottle.Verdict<String> attempt(LoginThrottle.Key key, boolean rightSecret) {
        return throttle.attempt(key, () -> {
            checked.incrementAndGet();
            return rightSecret ? Optional.of("shop") : Optional.empty();
        });
    }

    private static final class CountingObserver implements LoginObserver {
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger lockedOut = new AtomicInteger();

        @Override
        public void failed() {
            failed.incrementAndGet();
        }

        @Override
        public void lockedOut() {
            lockedOut.incrementAndGet();
        }
    }
}
