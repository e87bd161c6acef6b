package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading accepts what real peers send (docs/protocols/p3.md §2, §7, §11). */
@Timeout(10)
class P3LenientDecodingTest {

    private final P3Codec codec = P3Codec.INSTANCE;

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"resource\":null", ",\"resource\":\"\"", ",\"resource\":\"/\""})
    void everySpellingOfTheRootResourceIsRoot(String resource) {
        P3Message message = codec.decode("{\"type\":\"QUERY_TRANSACTION_REQUEST\",\"tag\":\"t9\"" + resource
                + ",\"queryTransactionRequest\":{\"identifier\":\"x\"}}");

        assertThat(message.resource()).isEqualTo("/");
        assertThat(message.isRootResource()).isTrue();
        assertThat(message.deviceIdentifier()).isEmpty();
        assertThat(codec.encodeToString(message)).contains("\"resource\":\"/\"");
    }

    @Test
    void deviceResourceIsKeptExactly() {
        P3Message message = codec.decode("{\"type\":\"ABORT_TRANSACTION_REQUEST\",\"tag\":\"t\","
                + "\"resource\":\"devices/usbReader\",\"abortTransactionRequest\":{}}");

        assertThat(message.resource()).isEqualTo("devices/usbReader");
        assertThat(message.deviceIdentifier()).contains("usbReader");
        assertThat(message.isRootResource()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "Error", "ERROR"})
    void statusIsCaseInsensitive(String status) {
        P3Message message = codec.decode("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"t2\",\"status\":\""
                + status + "\",\"error\":{\"type\":\"TRANSACTION_BUSY\",\"message\":\"busy\"}}");

        assertThat(message.status()).isEqualTo(P3Status.ERROR);
        assertThat(message.error()).isEqualTo(new P3Error("TRANSACTION_BUSY", "busy", null));
        assertThat(message.body()).isNull();
        assertThat(codec.encodeToString(message)).contains("\"status\":\"ERROR\"");
    }

    @Test
    void lowerCaseOk() {
        P3Message message = codec.decode("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"status\":\"ok\","
                + "\"abortTransactionResponse\":{}}");

        assertThat(message.status()).isEqualTo(P3Status.OK);
    }

    @Test
    void anyErrorTypeStringIsAccepted() {
        P3Message message = codec.decode("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"t2\",\"status\":\"ERROR\","
                + "\"error\":{\"type\":\"SERVER_TIMEOUT\"}}");

        assertThat(message.error().type()).isEqualTo("SERVER_TIMEOUT");
        assertThat(message.error().knownType()).isEmpty();
    }

    @Test
    void amountAsStringAndAutoCaptureAsString() {
        P3Message message = codec.decode("{\"type\":\"EXECUTE_TRANSACTION_REQUEST\",\"tag\":\"t2\","
                + "\"resource\":\"devices/usbReader\",\"executeTransactionRequest\":{\"transactionParameters\":"
                + "{\"amount\":\"5.00\",\"currency\":\"EUR\",\"type\":\"CHARGE\",\"autoCapture\":\"true\"}}}");

        TransactionParameters parameters = message.body(ExecuteTransactionRequest.class).transactionParameters();
        assertThat(parameters.amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(parameters.autoCapture()).isTrue();
        assertThat(codec.encodeToString(message)).contains("\"amount\":5.00,").contains("\"autoCapture\":true");
    }

    @Test
    void numbersAreBigDecimalsWithTheirScaleNeverDoubles() {
        P3Message message = codec.decode("{\"type\":\"EXECUTE_TRANSACTION_REQUEST\",\"tag\":\"t2\","
                + "\"executeTransactionRequest\":{\"transactionParameters\":{\"amount\":0.10000000000000000555,"
                + "\"applicationFee\":10,\"includedTipAmount\":1.5}}}");

        TransactionParameters parameters = message.body(ExecuteTransactionRequest.class).transactionParameters();
        assertThat(parameters.amount()).isEqualTo(new BigDecimal("0.10000000000000000555"));
        assertThat(parameters.applicationFee()).isEqualTo(new BigDecimal("10"));
        assertThat(parameters.includedTipAmount()).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void keysInAnyOrderBodyFirst() {
        P3Message message = codec.decode("{\"executeTransactionUpdate\":{\"abortable\":true,"
                + "\"information\":[\"a\",\"\"],\"stateDetails\":\"PROCESSING\",\"state\":\"PROCESSING\"},"
                + "\"status\":\"OK\",\"resource\":\"devices/r1\",\"tag\":\"t2\",\"type\":\"EXECUTE_TRANSACTION_UPDATE\"}");

        assertThat(message.tag()).isEqualTo("t2");
        assertThat(message.body(ExecuteTransactionUpdate.class).information()).containsExactly("a", "");
        assertThat(codec.encodeToString(message)).isEqualTo("{\"type\":\"EXECUTE_TRANSACTION_UPDATE\",\"tag\":\"t2\","
                + "\"resource\":\"devices/r1\",\"status\":\"OK\",\"executeTransactionUpdate\":{\"state\":\"PROCESSING\","
                + "\"stateDetails\":\"PROCESSING\",\"information\":[\"a\",\"\"],\"abortable\":true}}");
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        String json = "{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"x\":{\"deep\":[1,2,{\"y\":null}]},\"tag\":\"t2\","
                + "\"resource\":\"devices/usbReader\",\"status\":\"OK\",\"version\":3,"
                + "\"executeTransactionResponse\":{\"extra\":true,\"transaction\":{\"identifier\":\"id1\","
                + "\"details\":{},\"shopperDetails\":{},\"dccDetails\":{\"status\":\"NOT_AVAILABLE\"},"
                + "\"cardDetails\":{\"maskedCardNumber\":\"516815******9659\",\"countryCodeNumeric\":276,"
                + "\"expiryMonth\":12,\"expiryYear\":2027},"
                + "\"merchantReceipt\":{\"data\":{\"SUBJECT\":{\"key\":\"SUBJECT\",\"label\":\"Description\","
                + "\"value\":\"Coffee\",\"style\":\"bold\"}},\"lines\":[\"l1\"],\"width\":42}}},"
                + "\"loginMerchantRequestX\":1}";

        P3Message message = codec.decode(json);

        P3Transaction transaction = message.body(ExecuteTransactionResponse.class).transaction();
        assertThat(transaction.identifier()).isEqualTo("id1");
        assertThat(transaction.cardDetails()).isEqualTo(new P3CardDetails("516815******9659", 12, 2027));
        assertThat(transaction.merchantReceipt().data().get("SUBJECT"))
                .isEqualTo(new P3ReceiptItem("SUBJECT", "Description", "Coffee"));
        assertThat(transaction.merchantReceipt().lines()).containsExactly("l1");
    }

    @Test
    void signatureActionAliasIsNormalised() {
        P3Message message = codec.decode("{\"type\":\"EXECUTE_TRANSACTION_ACTION\",\"tag\":\"t2\",\"status\":\"OK\","
                + "\"resource\":\"devices/usbReader\",\"executeTransactionAction\":{\"action\":\"SIGNATURE\"}}");

        assertThat(message.body(ExecuteTransactionAction.class).action()).isEqualTo("CUSTOMER_SIGNATURE");
        assertThat(codec.encodeToString(message)).contains("\"action\":\"CUSTOMER_SIGNATURE\"")
                .doesNotContain("\"SIGNATURE\"");
    }

    @Test
    void missingStatusIsInferredOnServerMessages() {
        P3Message ok = codec.decode("{\"type\":\"QUERY_TRANSACTION_RESPONSE\",\"tag\":\"t\","
                + "\"queryTransactionResponse\":{\"transaction\":{\"status\":\"APPROVED\"}}}");
        P3Message error = codec.decode("{\"type\":\"QUERY_TRANSACTION_RESPONSE\",\"tag\":\"t\","
                + "\"error\":{\"type\":\"TRANSACTION_REFERENCE_NOT_FOUND\"}}");

        assertThat(ok.status()).isEqualTo(P3Status.OK);
        assertThat(error.status()).isEqualTo(P3Status.ERROR);
    }

    @Test
    void omittedEmptyResponseBodiesAreSupplied() {
        assertThat(codec.decode("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"status\":\"OK\"}").body())
                .isEqualTo(new AbortTransactionResponse());
        assertThat(codec.decode("{\"type\":\"SUBMIT_SIGNATURE_RESPONSE\",\"tag\":\"t4\",\"status\":\"OK\"}").body())
                .isEqualTo(new SubmitSignatureResponse());
    }

    @Test
    void errorResponseMayStillCarryItsBody() {
        P3Message message = codec.decode("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"t2\",\"status\":\"ERROR\","
                + "\"error\":{\"type\":\"INTERNAL_INCONSISTENCY\"},"
                + "\"executeTransactionResponse\":{\"transaction\":{\"status\":\"ERROR\"}}}");

        assertThat(message.body(ExecuteTransactionResponse.class).transaction().status()).isEqualTo("ERROR");
    }

    @Test
    void statusAndErrorOnARequestAreIgnored() {
        P3Message message = codec.decode("{\"type\":\"QUERY_TRANSACTION_REQUEST\",\"tag\":\"t\",\"status\":\"OK\","
                + "\"queryTransactionRequest\":{\"tag\":\"t2\"}}");

        assertThat(message.status()).isNull();
    }

    @Test
    void offsetAndLengthSelectTheMessageInsideALargerArray() {
        byte[] buffer = P3Samples.utf8("xx" + P3Samples.QUERY + "yy");

        P3Message message = codec.decode(buffer, 2, buffer.length - 4);

        assertThat(message.body()).isEqualTo(QueryTransactionRequest.byTag("t2"));
    }
}
