package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Writing is strict: one key order, upper-case status, error iff ERROR, amounts with their scale. */
@Timeout(10)
class P3EncodingTest {

    private final P3Codec codec = P3Codec.INSTANCE;

    private static P3Message response(BigDecimal amount, String currency) {
        return P3Message.ok("t2", "devices/usbReader", new ExecuteTransactionResponse(
                P3Transaction.builder().identifier("97a293ca3b804d639d8552962e0e3522")
                        .amount(amount).currency(currency).status("APPROVED").build()));
    }

    @Test
    void envelopeKeyOrderAndUpperCaseStatus() {
        String json = codec.encodeToString(P3Message.error(P3MessageType.EXECUTE_TRANSACTION_RESPONSE, "t2",
                "devices/usbReader", P3Error.of(P3ErrorType.TRANSACTION_BUSY, "busy")));

        assertThat(json).isEqualTo("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"t2\","
                + "\"resource\":\"devices/usbReader\",\"status\":\"ERROR\",\"error\":{\"type\":\"TRANSACTION_BUSY\","
                + "\"message\":\"busy\"}}");
    }

    @Test
    void errorResponseWithBodyPutsBodyLast() {
        P3Message message = new P3Message(P3MessageType.EXECUTE_TRANSACTION_RESPONSE, "t2", "devices/d",
                P3Status.ERROR, P3Error.of(P3ErrorType.INTERNAL_INCONSISTENCY, "late failure"),
                new ExecuteTransactionResponse(P3Transaction.builder().status("ERROR").build()));

        assertThat(codec.encodeToString(message)).isEqualTo("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"t2\","
                + "\"resource\":\"devices/d\",\"status\":\"ERROR\",\"error\":{\"type\":\"INTERNAL_INCONSISTENCY\","
                + "\"message\":\"late failure\"},\"executeTransactionResponse\":{\"transaction\":{\"status\":\"ERROR\"}}}");
    }

    @Test
    void okHasNoErrorKeyAndRequestsNoStatus() {
        String ok = codec.encodeToString(P3Message.ok("t3", "devices/d", new AbortTransactionResponse()));
        String request = codec.encodeToString(P3Message.request(AbortTransactionRequest.any(), "t3", "devices/d"));

        assertThat(ok).isEqualTo("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"resource\":\"devices/d\","
                + "\"status\":\"OK\",\"abortTransactionResponse\":{}}");
        assertThat(request).isEqualTo("{\"type\":\"ABORT_TRANSACTION_REQUEST\",\"tag\":\"t3\",\"resource\":\"devices/d\","
                + "\"abortTransactionRequest\":{}}");
    }

    @Test
    void amountsKeepTheCurrencyExponent() {
        assertThat(codec.encodeToString(response(new BigDecimal("5.00"), "EUR"))).contains("\"amount\":5.00,");
        assertThat(codec.encodeToString(response(BigDecimal.valueOf(500, 2), "EUR"))).contains("\"amount\":5.00,");
        assertThat(codec.encodeToString(response(BigDecimal.valueOf(500, 0), "JPY"))).contains("\"amount\":500,");
        assertThat(codec.encodeToString(response(BigDecimal.valueOf(5000, 3), "BHD"))).contains("\"amount\":5.000,");
    }

    @Test
    void bigDecimalsAreWrittenPlainNeverWithAnExponent() {
        assertThat(codec.encodeToString(response(new BigDecimal("1E+3"), "JPY"))).contains("\"amount\":1000,");
        assertThat(codec.encodeToString(response(new BigDecimal("1E-7"), "EUR"))).contains("\"amount\":0.0000001,");
    }

    @Test
    void nullFieldsAreOmitted() {
        String json = codec.encodeToString(P3Message.request(QueryTransactionRequest.byIdentifier("id1"), "t9", "/"));

        assertThat(json).isEqualTo("{\"type\":\"QUERY_TRANSACTION_REQUEST\",\"tag\":\"t9\",\"resource\":\"/\","
                + "\"queryTransactionRequest\":{\"identifier\":\"id1\"}}");
    }

    @Test
    void rootIsAlwaysWrittenAsSlash() {
        assertThat(codec.encodeToString(P3Message.request(QueryTransactionRequest.byTag("x"), "t", null)))
                .contains("\"resource\":\"/\"");
        assertThat(codec.encodeToString(P3Message.request(QueryTransactionRequest.byTag("x"), "t", "")))
                .contains("\"resource\":\"/\"");
    }

    @Test
    void nullTagIsOmitted() {
        P3Message message = P3Message.error(P3MessageType.LOGIN_MERCHANT_RESPONSE, null, null,
                P3Error.of(P3ErrorType.PARAMETER_MISSING, "Missing parameter tag"));

        assertThat(codec.encodeToString(message)).startsWith("{\"type\":\"LOGIN_MERCHANT_RESPONSE\",\"resource\":\"/\",");
    }

    @Test
    void receiptDataKeepsInsertionOrder() {
        Map<String, P3ReceiptItem> data = new LinkedHashMap<>();
        data.put("RECEIPT_TYPE", new P3ReceiptItem("RECEIPT_TYPE", "Receipt Type", "Merchant Receipt"));
        data.put("AMOUNT_AND_CURRENCY", new P3ReceiptItem("AMOUNT_AND_CURRENCY", "Amount", "5.00 EUR"));
        data.put("DATE", new P3ReceiptItem("DATE", "Date", "2024-01-01"));
        P3Receipt receipt = new P3Receipt(data, List.of("Merchant Receipt", "5.00 EUR"), true, null);
        P3Message message = P3Message.ok("t2", "devices/d", new ExecuteTransactionResponse(
                P3Transaction.builder().merchantReceipt(receipt).build()));

        String json = codec.encodeToString(message);

        assertThat(json).contains("{\"merchantReceipt\":{\"data\":{\"RECEIPT_TYPE\":{\"key\":\"RECEIPT_TYPE\","
                + "\"label\":\"Receipt Type\",\"value\":\"Merchant Receipt\"},\"AMOUNT_AND_CURRENCY\":");
        assertThat(json.indexOf("AMOUNT_AND_CURRENCY")).isLessThan(json.indexOf("\"DATE\""));
        assertThat(json).contains("\"lines\":[\"Merchant Receipt\",\"5.00 EUR\"],\"signatureLineRequired\":true}");
        P3Receipt decoded = codec.decode(json).body(ExecuteTransactionResponse.class).transaction().merchantReceipt();
        assertThat(decoded.data().keySet()).containsExactly("RECEIPT_TYPE", "AMOUNT_AND_CURRENCY", "DATE");
    }

    @Test
    void secretAndSignatureStayOutOfToString() {
        String base64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";

        assertThat(new LoginMerchantRequest("TEST", "merchant-1", "s3cr3t-value").toString())
                .doesNotContain("s3cr3t-value").contains("merchant-1");
        assertThat(P3Message.request(new LoginMerchantRequest("TEST", "m", "s3cr3t-value"), "t1", null).toString())
                .doesNotContain("s3cr3t-value");
        assertThat(SubmitSignatureRequest.digital(base64).toString())
                .doesNotContain(base64).contains("<" + base64.length() + " chars>");
    }

    @Test
    void unpairedSurrogateIsEscapedAndRoundTrips() {
        P3Message message = P3Message.request(QueryTransactionRequest.byTag("x\ud800y"), "t9", "/");

        String json = codec.encodeToString(message);

        assertThat(json).contains("\"tag\":\"x\\uD800y\"");
        assertThat(codec.decode(json)).isEqualTo(message);
    }
}
