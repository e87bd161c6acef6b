package io.tillgate.p3.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client's small value types: endpoints, charge, refund and capture requests, backoff. */
class ClientValuesTest {

    @Test
    void webSocketEndpointsDefaultToPathP3() {
        P3Endpoint endpoint = P3Endpoint.parse(URI.create("ws://localhost:8080"));
        assertThat(endpoint.webSocket()).isTrue();
        assertThat(endpoint.uri()).hasToString("ws://localhost:8080/p3");
        assertThat(endpoint.port()).isEqualTo(8080);
        assertThat(P3Endpoint.parse(URI.create("ws://localhost:8080/")).uri()).hasToString("ws://localhost:8080/");
        assertThat(P3Endpoint.parse(URI.create("ws://[::1]:9/p3")).host()).isEqualTo("::1");
    }

    @Test
    void tcpEndpointsNeedNoPath() {
        P3Endpoint endpoint = P3Endpoint.parse(URI.create("tcp://localhost"));
        assertThat(endpoint.webSocket()).isFalse();
        assertThat(endpoint.port()).isEqualTo(8081);
        assertThatThrownBy(() -> P3Endpoint.parse(URI.create("tcp://localhost:8081/p3")))
                .hasMessageContaining("must not have a path");
    }

    @Test
    void otherSchemesAreRefusedNamingThem() {
        assertThatThrownBy(() -> P3Endpoint.parse(URI.create("https://localhost:8080/p3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'https'");
        assertThatThrownBy(() -> P3Endpoint.parse(URI.create("localhost:8080")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tlsSchemesAreTheSameTransportsOverTls() {
        P3Endpoint wss = P3Endpoint.parse(URI.create("wss://pos.example.com/p3"));
        P3Endpoint tls = P3Endpoint.parse(URI.create("tls://pos.example.com"));

        assertThat(wss).extracting(P3Endpoint::webSocket, P3Endpoint::tls, P3Endpoint::port)
                .containsExactly(true, true, 443);
        assertThat(tls).extracting(P3Endpoint::webSocket, P3Endpoint::tls, P3Endpoint::port)
                .containsExactly(false, true, 8081);
        assertThat(P3Endpoint.parse(URI.create("ws://pos.example.com")).tls()).isFalse();
    }

    @Test
    void chargeRequestsKeepTheDeviceIdentifierAndAlwaysHaveATag() {
        ChargeRequest request = ChargeRequest.of("devices/sim-1", Money.ofMajor("1.00", "EUR"));
        assertThat(request.deviceIdentifier()).isEqualTo("sim-1");
        assertThat(request.resource()).isEqualTo("devices/sim-1");
        assertThat(request.autoCapture()).isTrue();
        assertThat(request.tag()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(request.withSubject("x").tag()).isEqualTo(request.tag());
        assertThatThrownBy(() -> ChargeRequest.of("devices/", Money.ofMajor("1.00", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refundsAndCapturesHaveATagOfTheCallersOrAFreshOne() {
        RefundRequest refund = RefundRequest.of("orig-1");
        assertThat(refund.tag()).matches("[0-9a-f-]{36}");
        assertThat(refund.withAmount(Money.ofMajor("1.00", "EUR")).tag()).isEqualTo(refund.tag());
        assertThat(refund.withTag("pos-refund-7").tag()).isEqualTo("pos-refund-7");
        assertThat(CaptureRequest.of("auth-1").withTag("pos-capture-7").tag()).isEqualTo("pos-capture-7");
        assertThat(CaptureRequest.of("auth-1").tag()).isNotEqualTo(CaptureRequest.of("auth-1").tag());
        assertThatThrownBy(() -> RefundRequest.of("orig-1").withTag("")).hasMessageContaining("tag must not be empty");
        assertThatThrownBy(() -> CaptureRequest.of("")).hasMessageContaining("originalIdentifier");
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        ReconnectPolicy policy = ReconnectPolicy.DEFAULT;
        assertThat(policy.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delay(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(policy.delay(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(1000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void queryKeysBuildTheMatchingRequest() {
        assertThat(QueryKey.byTag("t").toRequest().tag()).isEqualTo("t");
        assertThat(QueryKey.byIdentifier("i").toRequest().identifier()).isEqualTo("i");
        assertThat(QueryKey.byCustomIdentifier("c")).hasToString("customIdentifier=c");
    }
}
