package io.tillgate.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final String HASH = PasswordHashes.hash("right-password-1".toCharArray(), 4);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger lockOuts = new AtomicInteger();
    private final Authenticator authenticator = new Authenticator(
            List.of(new Account("alice", Role.OPERATOR, HASH)),
            List.of(ApiToken.of("scraper", Role.VIEWER, "t".repeat(40))), Duration.ofMinutes(15), Runnable::run, clock,
            new SignInObserver() {
                @Override
                public void failed() {
                    failures.incrementAndGet();
                }

                @Override
                public void lockedOut(String account) {
                    lockOuts.incrementAndGet();
                }
            });

    @Test
    void theRightPasswordSignsInAndAWrongOneOrAnUnknownNameDoesNotSayWhich() {
        assertThat(authenticator.signIn("alice", "right-password-1").join()).isEqualTo(new Principal("alice",
                Role.OPERATOR));
        assertThat(refusal("alice", "wrong")).hasMessage("wrong name or password");
        assertThat(refusal("mallory", "right-password-1")).hasMessage("wrong name or password");
        assertThat(failures).hasValue(2);
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountUntilTheLockOutEnds() {
        for (int i = 0; i < Authenticator.MAX_FAILURES; i++) {
            assertThat(refusal("alice", "wrong-" + i).lockedOut()).isFalse();
        }
        assertThat(lockOuts).hasValue(1);
        SignInRefusedException locked = refusal("alice", "right-password-1");
        assertThat(locked.lockedOut()).isTrue();
        assertThat(locked).hasMessageContaining("alice is locked").hasMessageContaining("2026-12-06T10:15:00Z");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(authenticator.signIn("alice", "right-password-1").join().name()).isEqualTo("alice");
    }

    @Test
    void aRightPasswordClearsEarlierFailures() {
        for (int i = 0; i < Authenticator.MAX_FAILURES - 1; i++) {
            refusal("alice", "wrong-" + i);
        }
        authenticator.signIn("alice", "right-password-1").join();
        assertThat(refusal("alice", "wrong-again").lockedOut()).isFalse();
        assertThat(authenticator.signIn("alice", "right-password-1").join().name()).isEqualTo("alice");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotCut() {
        String longer = "right-password-1" + "x".repeat(80);
        assertThat(refusal("alice", longer).lockedOut()).isFalse();
    }

    @Test
    void tokensAreMatchedByTheirDigestOnly() {
        assertThat(authenticator.token("t".repeat(40))).contains(new Principal("scraper", Role.VIEWER));
        assertThat(authenticator.token("t".repeat(39))).isEmpty();
        assertThat(authenticator.token("")).isEmpty();
        assertThatThrownBy(() -> ApiToken.of("short", Role.VIEWER, "too-short")).hasMessageContaining("at least 32");
    }

    @Test
    void basicCredentialsOnceCheckedAreRememberedButAWrongPasswordIsNot() {
        assertThat(authenticator.basic("alice", "right-password-1").join().name()).isEqualTo("alice");
        assertThat(authenticator.basic("alice", "right-password-1")).isCompleted();
        assertThatThrownBy(() -> authenticator.basic("alice", "wrong-password").join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(SignInRefusedException.class);
    }

    private SignInRefusedException refusal(String name, String password) {
        try {
            authenticator.signIn(name, password).join();
        } catch (CompletionException e) {
            return (SignInRefusedException) e.getCause();
        }
        throw new AssertionError("signed in as " + name);
    }
}
