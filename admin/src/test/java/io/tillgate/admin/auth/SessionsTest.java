package io.tillgate.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final SettableClock clock = new SettableClock(Instant.EPOCH);
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    private final Principal alice = new Principal("alice", Role.OPERATOR);

    @Test
    void aSessionLastsWhileUsedAndEndsAfterItsIdleTimeOrAtSignOut() {
        String token = sessions.open(alice);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).contains(alice);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).as("used a minute ago, within its idle time").contains(alice);
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(token)).isEmpty();

        String other = sessions.open(alice);
        sessions.close(other);
        assertThat(sessions.find(other)).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.open(alice)).isNotEqualTo(sessions.open(alice));
    }

    @Test
    void beyondTheLimitTheOldestSessionsGo() {
        String first = sessions.open(alice);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 1; i < Sessions.MAX_SESSIONS; i++) {
            sessions.open(alice);
        }
        clock.advance(Duration.ofSeconds(1));
        String newest = sessions.open(alice);
        assertThat(sessions.find(first)).isEmpty();
        assertThat(sessions.find(newest)).contains(alice);
    }
}
