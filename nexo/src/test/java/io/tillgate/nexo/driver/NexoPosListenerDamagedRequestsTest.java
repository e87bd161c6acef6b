package io.tillgate.nexo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.payment.TransactionResult;
import io.tillgate.nexo.RawNexoHttp;
import io.tillgate.testkit.DamagedTraffic;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The POS listener, which terminals call in full integration, under damaged requests over real
 * connections, several at a time: damaged XML gets a nexo answer, a 204 or a 4xx; damaged HTTP a
 * 4xx or a close; never a 5xx or a stall, no leaked buffer (the testkit's leak guard), and the
 * terminal behind it still pays afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NexoPosListenerDamagedRequestsTest {

    private static final byte[][] BODIES = Stream.of("SHOP1-POS7", "OTHER").flatMap(poiId -> Stream.of(
            device(poiId, "Display", "<DisplayRequest><DisplayOutput Device=\"CashierDisplay\" InfoQualify=\"Status\">"
                    + "<OutputContent OutputFormat=\"Text\"><OutputText>Present card</OutputText></OutputContent>"
                    + "</DisplayOutput></DisplayRequest>"),
            device(poiId, "Print", "<PrintRequest><PrintOutput DocumentQualifier=\"CashierReceipt\" "
                    + "ResponseMode=\"PrintEnd\"><OutputContent OutputFormat=\"Text\"><OutputText>APPROVED</OutputText>"
                    + "</OutputContent></PrintOutput></PrintRequest>"),
            device(poiId, "Input", "<InputRequest><DisplayOutput Device=\"CashierDisplay\" InfoQualify=\"Input\">"
                    + "<OutputContent OutputFormat=\"Text\"><OutputText>Signature OK?</OutputText></OutputContent>"
                    + "</DisplayOutput><InputData Device=\"CashierInput\" InfoQualify=\"Input\" "
                    + "InputCommand=\"GetConfirmation\"/></InputRequest>"),
            ("<SaleToPOIRequest><MessageHeader MessageClass=\"Event\" MessageCategory=\"Event\" MessageType="
                    + "\"Notification\" ServiceID=\"7\" SaleID=\"POS7\" POIID=\"" + poiId + "\"/><EventNotification "
                    + "TimeStamp=\"2025-01-02T03:00:00Z\" EventToNotify=\"Shutdown\"/></SaleToPOIRequest>")
                    .getBytes(StandardCharsets.UTF_8)))
            .toArray(byte[][]::new);

    @Test
    void damagedRequestsGetANexoAnswerA204OrA4xx() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            InetSocketAddress listener = new InetSocketAddress("127.0.0.1", rig.listenerUri().getPort());
            DamagedTraffic xml = new DamagedTraffic(listener,
                    mutator -> RawNexoHttp.post(mutator.mutate(mutator.pick(BODIES))),
                    RawNexoHttp::isNexoAnswerOrClientError);
            byte[][] requests = Arrays.stream(BODIES).map(RawNexoHttp::post).toArray(byte[][]::new);
            DamagedTraffic http = new DamagedTraffic(listener, mutator -> mutator.mutate(mutator.pick(requests)),
                    answer -> answer.length == 0 || RawNexoHttp.isNotAServerError(answer));

            assertThat(xml.run(1, 200, 8)).isEmpty();
            assertThat(http.run(10_000, 200, 8)).isEmpty();

            assertThat(rig.run(NexoRig.sale("12.00"), new RecordingListener()).await().result())
                    .isEqualTo(TransactionResult.APPROVED);
        }
    }

    private static byte[] device(String poiId, String category, String body) {
        return ("<SaleToPOIRequest><MessageHeader MessageClass=\"Device\" MessageCategory=\"" + category + "\" "
                + "MessageType=\"Request\" ServiceID=\"1\" DeviceID=\"1\" SaleID=\"POS7\" POIID=\"" + poiId + "\"/>"
                + body + "</SaleToPOIRequest>").getBytes(StandardCharsets.UTF_8);
    }
}
