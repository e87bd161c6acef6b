package io.tillgate.p3.codec;

import static io.tillgate.p3.codec.P3Samples.compact;
import static io.tillgate.p3.codec.P3Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample frames of docs/protocols/p3.md decode to the expected records and re-encode to the strict form. */
@Timeout(10)
class P3GoldenVectorsTest {

    private final P3Codec codec = P3Codec.INSTANCE;

    @Test
    void framingExamplesHaveTheDocumentedByteLengths() {
        assertThat(utf8(P3Samples.ABORT_REQUEST_107)).hasSize(107);
        assertThat(P3Samples.UPDATE_EURO_229).hasSize(227);
        assertThat(utf8(P3Samples.UPDATE_EURO_229)).hasSize(229);
    }

    @ParameterizedTest
    @ValueSource(strings = {P3Samples.ABORT_REQUEST_107, P3Samples.UPDATE_EURO_229, P3Samples.ACTION,
            P3Samples.SUBMIT_SIGNATURE_ON_RECEIPT, P3Samples.ABORT_RESPONSE_ERROR, P3Samples.QUERY})
    void strictSamplesReEncodeByteForByte(String sample) {
        P3Message message = codec.decode(utf8(sample));

        assertThat(codec.encode(message)).isEqualTo(utf8(sample));
    }

    @Test
    void euroUpdateDecodes() {
        P3Message message = codec.decode(utf8(P3Samples.UPDATE_EURO_229));

        assertThat(message.type()).isEqualTo(P3MessageType.EXECUTE_TRANSACTION_UPDATE);
        assertThat(message.status()).isEqualTo(P3Status.OK);
        assertThat(message.deviceIdentifier()).contains("usbReader");
        assertThat(message.body()).isEqualTo(new ExecuteTransactionUpdate(
                "PROCESSING", "PROCESSING", List.of("Processing", "5,00 €"), false, null));
    }

    @Test
    void loginRequest() {
        P3Message message = codec.decode(utf8(P3Samples.LOGIN_REQUEST));

        assertThat(message).isEqualTo(P3Message.request(
                new LoginMerchantRequest("TEST", "<id>", "<secret>"), "<uuid>", null));
        assertThat(message.isRootResource()).isTrue();
        assertThat(codec.encodeToString(message)).isEqualTo(
                "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"<uuid>\",\"resource\":\"/\",\"loginMerchantRequest\":"
                + "{\"providerMode\":\"TEST\",\"merchantIdentifier\":\"<id>\",\"merchantSecret\":\"<secret>\"}}");
    }

    @Test
    void loginResponse() {
        P3Message message = codec.decode(utf8(P3Samples.LOGIN_RESPONSE));

        assertThat(message).isEqualTo(P3Message.ok("<same>", "/", new LoginMerchantResponse(
                Map.of("location", "3rd Room"),
                List.of(P3Device.of("USB Reader", "usbReader", "MOCK", "MOCK")))));
        assertThat(codec.encodeToString(message)).isEqualTo(
                P3Samples.LOGIN_RESPONSE.replace("\"status\"", "\"resource\":\"/\",\"status\""));
    }

    @Test
    void executeWithTipStep() {
        P3Message message = codec.decode(utf8(P3Samples.EXECUTE_WITH_TIP));

        ExecuteTransactionRequest body = message.body(ExecuteTransactionRequest.class);
        assertThat(body.mode()).isEqualTo("ONLINE");
        TransactionParameters parameters = body.transactionParameters();
        assertThat(parameters.amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(parameters.amount().scale()).isEqualTo(2);
        assertThat(parameters.autoCapture()).isTrue();
        assertThat(parameters.metadata()).containsExactly(Map.entry("k", "v"));
        ProcessStep tip = body.processParameters().steps().askForTip();
        assertThat(tip).isEqualTo(new ProcessStep(new BigDecimal("2.00"), new BigDecimal("3.0"), true, false));
        assertThat(body.processParameters().steps().askForTotalAmount()).isNull();
        assertThat(codec.encodeToString(message)).isEqualTo(compact(P3Samples.EXECUTE_WITH_TIP));
    }

    @Test
    void update() {
        P3Message message = codec.decode(utf8(P3Samples.UPDATE));

        ExecuteTransactionUpdate body = message.body(ExecuteTransactionUpdate.class);
        assertThat(body.abortable()).isTrue();
        assertThat(body.information()).containsExactly("Present card", "5.00 EUR");
        assertThat(body.transaction()).isEqualTo(P3Transaction.builder()
                .identifier("97a293ca3b804d639d8552962e0e3522").amount(new BigDecimal("5.00")).currency("EUR")
                .type("CHARGE").status("PENDING").build());
        assertThat(codec.encodeToString(message)).isEqualTo(compact(P3Samples.UPDATE));
    }

    @Test
    void refundWithNullResource() {
        P3Message message = codec.decode(utf8(P3Samples.REFUND));

        assertThat(message.isRootResource()).isTrue();
        TransactionParameters parameters = message.body(AmendTransactionRequest.class).transactionParameters();
        assertThat(parameters.type()).isEqualTo("REFUND");
        assertThat(parameters.referencedTransactionIdentifier()).isEqualTo("97a293ca3b804d639d8552962e0e3522");
        assertThat(parameters.amount()).isEqualByComparingTo("5");
        // strict form: root written as "/", parameters in TransactionParameters component order
        assertThat(codec.encodeToString(message)).isEqualTo("{\"type\":\"AMEND_TRANSACTION_REQUEST\",\"tag\":\"abc123\","
                + "\"resource\":\"/\",\"amendTransactionRequest\":{\"mode\":\"ONLINE\",\"transactionParameters\":"
                + "{\"amount\":5.00,\"currency\":\"EUR\",\"type\":\"REFUND\",\"subject\":\"My Refund Subject\","
                + "\"customIdentifier\":\"ref-1\",\"referencedTransactionIdentifier\":\"97a293ca3b804d639d8552962e0e3522\"}}}");
    }

    @Test
    void projectDecisionShapes() {
        assertThat(codec.decode(utf8(P3Samples.ACTION)).body(ExecuteTransactionAction.class).action())
                .isEqualTo(ExecuteTransactionAction.CUSTOMER_SIGNATURE);
        assertThat(codec.decode(utf8(P3Samples.SUBMIT_SIGNATURE_ON_RECEIPT)).body())
                .isEqualTo(SubmitSignatureRequest.onReceipt());
        assertThat(codec.decode(utf8(P3Samples.QUERY)).body()).isEqualTo(QueryTransactionRequest.byTag("t2"));
        assertThat(codec.decode(utf8(P3Samples.ABORT_REQUEST_107)).body()).isEqualTo(AbortTransactionRequest.any());

        P3Message error = codec.decode(utf8(P3Samples.ABORT_RESPONSE_ERROR));
        assertThat(error).isEqualTo(P3Message.error(P3MessageType.ABORT_TRANSACTION_RESPONSE, "t3",
                "devices/usbReader", P3Error.of(P3ErrorType.TRANSACTION_NO_LONGER_ABORTABLE,
                        "Transaction can no longer be aborted", "last update had abortable=false")));
        assertThat(error.error().knownType()).contains(P3ErrorType.TRANSACTION_NO_LONGER_ABORTABLE);
    }
}
