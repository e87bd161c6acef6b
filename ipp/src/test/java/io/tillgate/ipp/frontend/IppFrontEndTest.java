package io.tillgate.ipp.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.ipp.IppTestBench;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The emulator as a cash register sees it on the wire (docs/protocols/ipp.md §12, §14). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class IppFrontEndTest {

    private IppTestBench bench;

    @BeforeAll
    void start() {
        bench = new IppTestBench();
    }

    @AfterAll
    void stop() {
        bench.close();
    }

    @Test
    void anApprovedChipPaymentRunsStages1To5AndNeedsCompletion() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            String sid = "dddddddd-0000-0000-0000-000000000001";
            pos.send(purchase(sid, "62.00"));
            List<IppResponse> replies = pos.readUntilFinal();

            assertThat(replies).extracting(r -> r.stage().code()).containsExactly(1, 11, 2, 13, 3, 5);
            assertThat(replies).allSatisfy(r -> {
                assertThat(r.sid()).isEqualTo(sid);
                assertThat(r.method()).isEqualTo(IppMethod.PURCHASE);
            });
            assertThat(replies.get(0).timeoutSeconds()).isEqualTo(60);
            assertThat(replies.get(3).text(IppNames.TRIES_LEFT)).isEqualTo("3");
            IppResponse outcome = replies.get(5);
            assertThat(outcome.status()).isEqualTo(IppStatus.OK);
            assertThat(outcome.text(IppNames.APPROVAL)).isEqualTo("00");
            assertThat(outcome.text(IppNames.AMOUNT)).isEqualTo("62.00");
            assertThat(outcome.text(IppNames.CURRENCY)).isEqualTo("978");
            assertThat(outcome.text(IppNames.PAN_MASKED)).matches("[0-9]{6}\\*{6}[0-9]{4}");
            assertThat(outcome.text(IppNames.AUTH_CODE)).isNotBlank();
            assertThat(outcome.text(IppNames.RRN)).matches("[0-9]{12}");
            assertThat(outcome.text(IppNames.STAN)).matches("[0-9]{6}");
            assertThat(outcome.text(IppNames.TX_DATE_LOCAL)).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(outcome.text(IppNames.TX_TIME_LOCAL)).matches("\\d{2}:\\d{2}:\\d{2}");
            assertThat(outcome.text(IppNames.MERCHANT_NAME)).isEqualTo("Tillgate");

            pos.send(new IppRequest(IppRequest.start(IppMethod.COMPLETE_TX, 200, "dddddddd-0000-0000-0000-00000000000c")
                    .text(IppNames.SID_ORIGINAL, sid).build()));
            assertThat(pos.readUntilFinal()).extracting(r -> r.stage().code() + "/" + r.status().code())
                    .containsExactly("1/0", "5/0");

            pos.send(new IppRequest(IppRequest.start(IppMethod.GET_STATUS, 200, "dddddddd-0000-0000-0000-00000000000d")
                    .build()));
            IppResponse status = pos.readUntilFinal().get(1);
            assertThat(status.status()).isEqualTo(IppStatus.OK);
            assertThat(status.text(IppNames.SID_ORIGINAL)).isEqualTo(sid);
            assertThat(status.text(IppNames.TX_STATUS)).isEqualTo("0");
        }
    }

    @Test
    void consecutivePaymentsCarryConsecutiveTraceNumbersThatGetStatusRepeats() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            int first = Integer.parseInt(payAndComplete(pos, "abababab-0000-0000-0000-000000000001", "3.00"));
            int second = Integer.parseInt(payAndComplete(pos, "abababab-0000-0000-0000-000000000002", "4.00"));
            assertThat(second).isEqualTo(first + 1);

            pos.send(new IppRequest(IppRequest.start(IppMethod.GET_STATUS, 200, "abababab-0000-0000-0000-000000000003")
                    .build()));
            assertThat(Integer.parseInt(pos.readUntilFinal().get(1).text(IppNames.STAN))).isEqualTo(second);
        }
    }

    /** Runs an approved purchase to its end and confirms it; returns its STAN. */
    private static String payAndComplete(RawIppClient pos, String sid, String amount) {
        pos.send(purchase(sid, amount));
        List<IppResponse> replies = pos.readUntilFinal();
        IppResponse outcome = replies.get(replies.size() - 1);
        assertThat(outcome.text(IppNames.APPROVAL)).isEqualTo("00");
        pos.send(new IppRequest(IppRequest.start(IppMethod.COMPLETE_TX, 200, sid.replace("-0000-0000-", "-0000-0001-"))
                .text(IppNames.SID_ORIGINAL, sid).build()));
        assertThat(pos.readUntilFinal()).extracting(r -> r.status()).containsExactly(IppStatus.OK, IppStatus.OK);
        return outcome.text(IppNames.STAN);
    }

    @Test
    void cents93CancelledWithStage101EndsWithStatus13() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            String sid = "eeeeeeee-0000-0000-0000-000000000001";
            pos.send(purchase(sid, "12.93"));
            assertThat(pos.read().stage()).isEqualTo(IppStage.CHECK_REQUEST);
            assertThat(pos.read().stage()).isEqualTo(IppStage.PRESENT_CARD);

            pos.send(new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, "eeeeeeee-0000-0000-0000-000000000002")
                    .text(IppNames.STAGE, "101").text(IppNames.STATUS, "0").build()));
            IppResponse first = pos.read();
            IppResponse second = pos.read();
            IppResponse outcome = first.sid().equals(sid) ? first : second;
            IppResponse cancelAck = first.sid().equals(sid) ? second : first;

            assertThat(cancelAck.sid()).isEqualTo("eeeeeeee-0000-0000-0000-000000000002");
            assertThat(cancelAck.status()).isEqualTo(IppStatus.OK);
            assertThat(outcome.stage()).isEqualTo(IppStage.OUTCOME);
            assertThat(outcome.status()).isEqualTo(IppStatus.USER_CANCEL);
        }
    }

    @Test
    void badFramesGetSyntaxUnsupportedParameterAndUnsupportedMethod() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            byte[] noProtocol = "\0\0METHOD=PING\r\nSID=x\r\nVERSION=200\r\n".getBytes(StandardCharsets.US_ASCII);
            noProtocol[1] = (byte) noProtocol.length;
            pos.sendBytes(noProtocol);
            IppResponse syntax = pos.read();
            assertThat(syntax.status()).isEqualTo(IppStatus.SYNTAX_ERROR);
            assertThat(syntax.sid()).isEqualTo("x");

            pos.send(new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, "f1").text(IppNames.AMOUNT, "1.00")
                    .text(IppNames.CURRENCY, "978").text(IppNames.TIP_AMOUNT, "0.50").build()));
            assertThat(pos.read().status()).isEqualTo(IppStatus.UNSUPPORTED_PARAMETER);

            pos.send(new IppRequest(io.tillgate.ipp.codec.IppProperties.builder().text(IppNames.METHOD, "TELEPORT")
                    .text(IppNames.VERSION, "200").text(IppNames.SID, "f2").build()));
            IppResponse method = pos.read();
            assertThat(method.status()).isEqualTo(IppStatus.UNSUPPORTED_METHOD);
            assertThat(method.methodCode()).isEqualTo("TELEPORT");

            pos.send(new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, "f3").text(IppNames.AMOUNT, "1.005")
                    .text(IppNames.CURRENCY, "978").build()));
            assertThat(pos.read().status()).isEqualTo(IppStatus.INVALID_AMOUNT);

            // The connection survived every one of them.
            pos.send(new IppRequest(IppRequest.start(IppMethod.PING, 202, "f4").build()));
            assertThat(pos.readUntilFinal()).extracting(r -> r.status()).containsExactly(IppStatus.OK, IppStatus.OK);
        }
    }

    @Test
    void aHeaderBelowThreeIsAnsweredWithSyntaxErrorAndTheConnectionClosed() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            pos.sendBytes(new byte[] {0, 2, 'P'});
            assertThat(pos.read().status()).isEqualTo(IppStatus.SYNTAX_ERROR);
            assertThat(pos.closedByPeer()).isTrue();
        }
    }

    @Test
    void aRefundWithoutAnyPaymentToReferToIsNotFound() {
        try (IppTestBench fresh = new IppTestBench(); RawIppClient pos = new RawIppClient(fresh.emulatorAddress)) {
            pos.send(new IppRequest(IppRequest.start(IppMethod.REFUND, 200, "g1").text(IppNames.AMOUNT, "1.00")
                    .text(IppNames.CURRENCY, "978").build()));
            assertThat(pos.read().status()).isEqualTo(IppStatus.TRANSACTION_NOT_FOUND);
        }
    }

    @Test
    void aGatewayThatIsShuttingDownRefusesANewPaymentAsABusyTerminalDoes() {
        try (IppTestBench fresh = new IppTestBench(); RawIppClient pos = new RawIppClient(fresh.emulatorAddress)) {
            fresh.emulatorPayments.stopAdmitting();

            pos.send(purchase("h1", "1.00"));

            IppResponse refusal = pos.read();
            assertThat(refusal.stage()).isEqualTo(IppStage.CHECK_REQUEST);
            assertThat(refusal.status()).isEqualTo(IppStatus.BUSY);
            assertThat(refusal.sid()).isEqualTo("h1");
        }
    }

    @Test
    void startFailsNamingThePortWhenItIsTaken() {
        IppFrontEndConfig taken = IppFrontEndConfig.defaults("demo", "sim-1").withHost("127.0.0.1")
                .withPort(bench.emulatorAddress.getPort());
        try (IppFrontEnd second = new IppFrontEnd(taken, bench.emulatorPayments)) {
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("IPP terminal sim-1 port " + bench.emulatorAddress.getPort()
                            + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void configurationNamesTheBadSetting() {
        assertThatThrownBy(() -> IppFrontEndConfig.defaults("demo", "sim-1").withPort(70000))
                .hasMessage("port must be between 0 and 65535 (0 for any free port), was 70000");
        assertThatThrownBy(() -> IppFrontEndConfig.defaults("demo", " "))
                .hasMessage("terminalId must not be empty");
        assertThat(IppFrontEndConfig.defaults("demo", "sim-1").port()).isEqualTo(7900);
        assertThat(IppFrontEndConfig.defaults("demo", "sim-1").host()).isEqualTo("localhost");
        assertThat(IppCodec.MAX_FRAME_LENGTH).isEqualTo(IppFrontEndConfig.defaults("demo", "sim-1").maxFrameLength());
    }

    static IppRequest purchase(String sid, String amount) {
        return new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, sid).text(IppNames.AMOUNT, amount)
                .text(IppNames.CURRENCY, "978").text(IppNames.FIXED_PINPAD, "1").text(IppNames.LANG, "EN").build());
    }
}
