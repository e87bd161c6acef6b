package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Framed TCP over a real socket (docs/protocols/p3.md §1.3): a frame may arrive in any number of pieces, and
 * several frames may arrive in one piece; every frame is answered exactly once.
 */
@Timeout(30)
class P3ServerTcpFramingTest {

    private P3TestGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = new P3TestGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    /** A login carrying an ignored field with a three-byte character, so splits also fall inside it. */
    private static String login(String tag) {
        return "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"" + tag + "\",\"note\":\"5,00 €\","
                + "\"loginMerchantRequest\":{\"providerMode\":\"TEST\",\"merchantIdentifier\":\"demo\","
                + "\"merchantSecret\":\"" + P3TestGateway.SECRET + "\"}}";
    }

    @Test
    void frameWrittenOneByteAtATimeIsAnswered() {
        try (TcpTestConnection tcp = new TcpTestConnection(gateway.server().tcpAddress())) {
            for (byte b : TcpTestConnection.frame(login("bytewise"))) {
                tcp.sendBytes(new byte[] {b});
            }
            JsonNode response = tcp.receive();
            assertThat(response.path("tag").asText()).isEqualTo("bytewise");
            assertThat(response.path("status").asText()).isEqualTo("OK");
        }
    }

    @Test
    void frameSplitAtEveryBytePositionIsAnswered() throws InterruptedException {
        try (TcpTestConnection tcp = new TcpTestConnection(gateway.server().tcpAddress())) {
            byte[] frame = TcpTestConnection.frame(login("split"));
            for (int split = 1; split < frame.length; split++) {
                tcp.sendBytes(Arrays.copyOfRange(frame, 0, split));
                Thread.sleep(1);
                tcp.sendBytes(Arrays.copyOfRange(frame, split, frame.length));
                JsonNode response = tcp.receive();
                assertThat(response.path("tag").asText()).as("split at %d", split).isEqualTo("split");
                assertThat(response.path("status").asText()).as("split at %d", split).isEqualTo("OK");
            }
        }
    }

    @Test
    void severalFramesInOneWriteAreEachAnswered() {
        try (TcpTestConnection tcp = new TcpTestConnection(gateway.server().tcpAddress())) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            burst.writeBytes(TcpTestConnection.frame(login("one")));
            burst.writeBytes(TcpTestConnection.frame("{\"type\":\"QUERY_TRANSACTION_REQUEST\",\"tag\":\"two\","
                    + "\"queryTransactionRequest\":{\"tag\":\"unknown\"}}"));
            burst.writeBytes(TcpTestConnection.frame("{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"three\","));
            burst.writeBytes(TcpTestConnection.frame(login("four")));
            tcp.sendBytes(burst.toByteArray());

            Map<String, JsonNode> byTag = new HashMap<>();
            for (int i = 0; i < 4; i++) {
                JsonNode response = tcp.receive();
                byTag.put(response.path("tag").asText(), response);
            }
            assertThat(byTag).containsOnlyKeys("one", "two", "three", "four");
            assertThat(byTag.get("one").path("status").asText()).isEqualTo("OK");
            assertThat(byTag.get("two").path("error").path("type").asText())
                    .isEqualTo("TRANSACTION_REFERENCE_NOT_FOUND");
            assertThat(byTag.get("three").path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");
            JsonNode four = byTag.get("four");
            assertThat(four.path("status").asText()).isEqualTo("OK");
        }
    }
}
