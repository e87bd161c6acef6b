package io.tillgate.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GatewayApiTest {

    private static final URI P3 = URI.create("ws://0.0.0.0:8080/p3");

    @Test
    void theP3WebSocketIsReachedByTheHostTheBrowserUsed() {
        assertThat(GatewayApi.asSeenBy(P3, "till-gateway.shop.lan:8082")).isEqualTo("ws://till-gateway.shop.lan:8080/p3");
        assertThat(GatewayApi.asSeenBy(P3, "192.168.1.10:8082")).isEqualTo("ws://192.168.1.10:8080/p3");
        assertThat(GatewayApi.asSeenBy(P3, "[::1]:8082")).isEqualTo("ws://[::1]:8080/p3");
        assertThat(GatewayApi.asSeenBy(URI.create("wss://gw:8443/p3"), "gw.example.com"))
                .isEqualTo("wss://gw.example.com:8443/p3");
        assertThat(GatewayApi.asSeenBy(P3, null)).isEqualTo(P3.toString());
        assertThat(GatewayApi.asSeenBy(P3, "bad host^")).isEqualTo(P3.toString());
    }
}
