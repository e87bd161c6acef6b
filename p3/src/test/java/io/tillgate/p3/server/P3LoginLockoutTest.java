package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tillgate.p3.server.P3TestGateway.Transport;
import io.tillgate.testkit.SettableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Failed logins over real loopback sockets (PCI DSS 8.3.4): the server counts them per source
 * address and merchant across both transports, locks the source out after the tenth, and lets the
 * right merchant log in from another address. The server's login clock is a test clock, so delays
 * and the 15-minute lock-out pass without waiting; 127.0.0.2 is the second address (Linux routes
 * all of 127.0.0.0/8 to loopback).
 */
@Timeout(20)
class P3LoginLockoutTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(30);
    /** Longer than any delay between two checked attempts. */
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(30);
    private static final String WRONG = "wrong-secret-";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private P3TestGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = new P3TestGateway(LoginThrottleSettings.defaults(), clock);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void afterTenWrongSecretsEvenTheRightOneIsRefusedFromThatAddressOnly(Transport transport) throws Exception {
        try (P3TestPos pos = new P3TestPos(gateway.connect(transport))) {
            failLogins(pos, 9);
            clock.advance(LONGEST_DELAY);
            String tenth = developerMessage(pos.login("demo", WRONG + 10));
            Instant until = clock.instant().plus(LOCKOUT);
            assertThat(tenth).isEqualTo(LoginThrottle.WRONG_CREDENTIALS + "; logins from 127.0.0.1 for merchant "
                    + "'demo' are locked out until " + until + " after 10 failed attempts");
            clock.advance(LONGEST_DELAY);

            JsonNode eleventh = pos.login();

            assertThat(developerMessage(eleventh)).as("the right secret, not checked").isEqualTo("logins from "
                    + "127.0.0.1 for merchant 'demo' are locked out until " + until + " after 10 failed attempts");
            assertThat(eleventh.toString()).doesNotContain(P3TestGateway.SECRET, WRONG);
            try (P3TestPos otherTransport = new P3TestPos(gateway.connect(other(transport)))) {
                assertThat(developerMessage(otherTransport.login())).contains("locked out until " + until);
            }
            try (P3TestPos elsewhere = new P3TestPos(gateway.connectFrom(secondLoopbackAddress()))) {
                assertThat(elsewhere.login().path("status").asText()).as("the right merchant at 127.0.0.2")
                        .isEqualTo("OK");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theLockoutEndsOnTime(Transport transport) {
        try (P3TestPos pos = new P3TestPos(gateway.connect(transport))) {
            failLogins(pos, 10);
            clock.advance(LOCKOUT.minusMillis(1));
            assertThat(developerMessage(pos.login())).contains("are locked out until");

            clock.advance(Duration.ofMillis(1));

            assertThat(pos.login().path("status").asText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRetryBeforeTheDelayIsRefusedAtOnceSayingWhen(Transport transport) {
        try (P3TestPos pos = new P3TestPos(gateway.connect(transport))) {
            failLogins(pos, 3);

            assertThat(developerMessage(pos.login())).isEqualTo("too many failed logins from 127.0.0.1 for "
                    + "merchant 'demo'; not checked, retry at " + clock.instant().plusMillis(250) + " or later");
            clock.advance(Duration.ofMillis(250));
            assertThat(pos.login().path("status").asText()).isEqualTo("OK");
        }
    }

    /** {@code count} wrong secrets, each once the delay after the one before has passed. */
    private void failLogins(P3TestPos pos, int count) {
        for (int attempt = 1; attempt <= count; attempt++) {
            clock.advance(attempt == 1 ? Duration.ZERO : LONGEST_DELAY);
            assertThat(developerMessage(pos.login("demo", WRONG + attempt)))
                    .startsWith(LoginThrottle.WRONG_CREDENTIALS);
        }
    }

    private static String developerMessage(JsonNode response) {
        assertThat(response.path("status").asText()).isEqualTo("ERROR");
        assertThat(response.path("error").path("type").asText()).isEqualTo("SERVER_AUTHENTICATION_FAILED");
        return response.path("error").path("developerMessage").asText();
    }

    private static Transport other(Transport transport) {
        return transport == Transport.TCP ? Transport.WEBSOCKET : Transport.TCP;
    }

    private static InetAddress secondLoopbackAddress() throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
    }
}
