package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input fails with the P3 error type, the field path and the readable envelope
 * (docs/protocols/p3.md §5.5, §11).
 */
@Timeout(10)
class P3DecodingErrorsTest {

    private static final String SECRET = "hunter2-TOP-SECRET";

    private final P3Codec codec = P3Codec.INSTANCE;

    private P3DecodingException fail(String json) {
        return catchThrowableOfType(P3DecodingException.class, () -> codec.decode(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"LOGIN_MERCHANT_REQUEST\",", "not json", "{\"type\" \"x\"}", "{'a':1}"})
    void invalidJson(String json) {
        P3DecodingException e = fail(json);

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEmpty();
        assertThat(e.getMessage()).startsWith("message is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true"})
    void notAnObject(String json) {
        P3DecodingException e = fail(json);

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("message is not a JSON object");
        assertThat(e.errorResponse()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void empty(String json) {
        P3DecodingException e = fail(json);

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.getMessage()).isEqualTo("message is empty");
    }

    @Test
    void trailingContent() {
        P3DecodingException e = fail(P3Samples.QUERY + "{}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.tag()).isEqualTo("t9");
    }

    @Test
    void missingType() {
        P3DecodingException e = fail("{\"tag\":\"t1\",\"resource\":\"devices/d\",\"loginMerchantRequest\":{}}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.tag()).isEqualTo("t1");
        assertThat(e.resource()).isEqualTo("devices/d");
        assertThat(e.messageType()).isEmpty();
    }

    @Test
    void unknownType() {
        P3DecodingException e = fail("{\"type\":\"PING_REQUEST\",\"tag\":\"t1\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.getMessage()).isEqualTo("type: unknown message type 'PING_REQUEST'");
        assertThat(e.tag()).isEqualTo("t1");
    }

    @Test
    void typeNotAString() {
        P3DecodingException e = fail("{\"type\":{\"a\":1},\"tag\":\"t1\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.tag()).isEqualTo("t1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"value\":5}", "[5]", "\"abc\"", "true", "\"5,00\""})
    void amountOfTheWrongJsonTypeNamesThePathAndEchoesTheEnvelope(String amount) {
        P3DecodingException e = fail("{\"tag\":\"t2\",\"executeTransactionRequest\":{\"transactionParameters\":"
                + "{\"currency\":\"EUR\",\"amount\":" + amount + "}},\"resource\":\"devices/usbReader\","
                + "\"type\":\"EXECUTE_TRANSACTION_REQUEST\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEqualTo("executeTransactionRequest.transactionParameters.amount");
        assertThat(e.getMessage()).startsWith("executeTransactionRequest.transactionParameters.amount: expected a number");
        assertThat(e.messageType()).contains(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        assertThat(e.tag()).isEqualTo("t2");
        assertThat(e.resource()).isEqualTo("devices/usbReader");
    }

    @Test
    void errorResponseEchoesTagAndResource() {
        P3DecodingException e = fail("{\"type\":\"EXECUTE_TRANSACTION_REQUEST\",\"tag\":\"t2\","
                + "\"resource\":\"devices/usbReader\",\"executeTransactionRequest\":{\"transactionParameters\":"
                + "{\"amount\":\"abc\"}}}");

        P3Message response = e.errorResponse().orElseThrow();

        assertThat(e.getMessage()).isEqualTo(
                "executeTransactionRequest.transactionParameters.amount: expected a number, got 'abc'");
        assertThat(response.type()).isEqualTo(P3MessageType.EXECUTE_TRANSACTION_RESPONSE);
        assertThat(response.tag()).isEqualTo("t2");
        assertThat(response.resource()).isEqualTo("devices/usbReader");
        assertThat(response.status()).isEqualTo(P3Status.ERROR);
        assertThat(response.error().type()).isEqualTo("PARAMETER_INVALID");
        assertThat(response.error().message())
                .isEqualTo("Invalid parameter executeTransactionRequest.transactionParameters.amount");
        assertThat(response.error().developerMessage()).isEqualTo(e.getMessage());
        assertThat(codec.encodeToString(response)).isEqualTo("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\","
                + "\"tag\":\"t2\",\"resource\":\"devices/usbReader\",\"status\":\"ERROR\",\"error\":{\"type\":"
                + "\"PARAMETER_INVALID\",\"message\":\"Invalid parameter executeTransactionRequest."
                + "transactionParameters.amount\",\"developerMessage\":\"executeTransactionRequest."
                + "transactionParameters.amount: expected a number, got 'abc'\"}}");
    }

    @Test
    void wrongTypeInsideAnArrayNamesTheIndex() {
        P3DecodingException e = fail("{\"type\":\"LOGIN_MERCHANT_RESPONSE\",\"tag\":\"t\",\"status\":\"OK\","
                + "\"loginMerchantResponse\":{\"devices\":[{\"name\":\"a\"},{\"name\":{}}]}}");

        assertThat(e.field()).isEqualTo("loginMerchantResponse.devices[1].name");
    }

    @Test
    void missingBodyOnARequest() {
        P3DecodingException e = fail("{\"type\":\"EXECUTE_TRANSACTION_REQUEST\",\"tag\":\"t2\","
                + "\"resource\":\"devices/usbReader\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("executeTransactionRequest");
        assertThat(e.tag()).isEqualTo("t2");
        assertThat(e.errorResponse().orElseThrow().error().message())
                .isEqualTo("Missing parameter executeTransactionRequest");
    }

    @Test
    void nullBodyOnARequest() {
        P3DecodingException e = fail("{\"type\":\"ABORT_TRANSACTION_REQUEST\",\"tag\":\"t3\","
                + "\"abortTransactionRequest\":null}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("abortTransactionRequest");
    }

    @Test
    void bodyNotAnObject() {
        P3DecodingException e = fail("{\"type\":\"ABORT_TRANSACTION_REQUEST\",\"tag\":\"t3\","
                + "\"abortTransactionRequest\":\"now\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEqualTo("abortTransactionRequest");
        assertThat(e.getMessage()).isEqualTo("abortTransactionRequest: expected an object, got a string");
    }

    @Test
    void bodyOfAnotherTypeDoesNotCount() {
        P3DecodingException e = fail("{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\","
                + "\"loginMerchantResponse\":{\"information\":{}}}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("loginMerchantRequest");
    }

    @Test
    void missingTagOnARequest() {
        P3DecodingException e = fail("{\"type\":\"QUERY_TRANSACTION_REQUEST\",\"queryTransactionRequest\":{}}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("tag");
        assertThat(e.errorResponse().orElseThrow().tag()).isNull();
    }

    @Test
    void missingBodyOnAnOkResponse() {
        P3DecodingException e = fail("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"t2\",\"status\":\"OK\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("executeTransactionResponse");
        assertThat(e.errorResponse()).as("no answer to a response").isEmpty();
    }

    @Test
    void unknownStatus() {
        P3DecodingException e = fail("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"status\":\"MAYBE\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEqualTo("status");
    }

    @Test
    void errorStatusWithoutErrorObject() {
        P3DecodingException e = fail("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"status\":\"ERROR\"}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("error");
    }

    @Test
    void errorObjectWithOkStatus() {
        P3DecodingException e = fail("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"status\":\"OK\","
                + "\"error\":{\"type\":\"TRANSACTION_BUSY\"},\"abortTransactionResponse\":{}}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(e.field()).isEqualTo("error");
    }

    @Test
    void errorObjectWithoutType() {
        P3DecodingException e = fail("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"status\":\"ERROR\","
                + "\"error\":{\"message\":\"m\"}}");

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("error.type");
    }

    @Test
    void updateWithoutTwoInformationLines() {
        P3DecodingException three = fail("{\"type\":\"EXECUTE_TRANSACTION_UPDATE\",\"tag\":\"t2\",\"status\":\"OK\","
                + "\"executeTransactionUpdate\":{\"information\":[\"a\",\"b\",\"c\"]}}");
        P3DecodingException none = fail("{\"type\":\"AMEND_TRANSACTION_UPDATE\",\"tag\":\"t2\",\"status\":\"OK\","
                + "\"amendTransactionUpdate\":{\"state\":\"PROCESSING\"}}");

        assertThat(three.errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(three.field()).isEqualTo("executeTransactionUpdate.information");
        assertThat(three.getMessage()).isEqualTo("executeTransactionUpdate.information: must hold exactly 2 lines, got 3");
        assertThat(none.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(none.field()).isEqualTo("amendTransactionUpdate.information");
    }

    @Test
    void valuesAreClippedInMessages() {
        String longType = "X".repeat(10_000);

        P3DecodingException e = fail("{\"type\":\"" + longType + "\",\"tag\":\"t\"}");

        assertThat(e.getMessage()).hasSizeLessThan(120).contains("10000 chars");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\",\"loginMerchantRequest\":{\"merchantSecret\":\"" + SECRET,
        "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\",\"loginMerchantRequest\":{\"merchantSecret\":" + SECRET + "}}",
        "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\",\"loginMerchantRequest\":{\"merchantSecret\":\"" + SECRET
                + "\",\"providerMode\":{}}}",
        "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\",\"loginMerchantRequest\":{\"merchantSecret\":[\"" + SECRET
                + "\"]}}",
        "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\",\"loginMerchantRequest\":{\"merchantSecret\":\"" + SECRET
                + "\"}} trailing",
        "{\"type\":\"SUBMIT_SIGNATURE_REQUEST\",\"tag\":\"t4\",\"submitSignatureRequest\":{\"signature\":{\"png\":\""
                + SECRET + "\"},\"signatureOnReceipt\":\"" + SECRET + "\"}}",
        "{\"type\":\"SUBMIT_SIGNATURE_REQUEST\",\"tag\":\"t4\",\"submitSignatureRequest\":{\"signature\":\""
                + SECRET + "\"x}}",
    })
    void secretsNeverReachTheExceptionOrItsStackTrace(String json) {
        P3DecodingException e = fail(json);

        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain("hunter2");
        assertThat(e.toError().toString()).doesNotContain("hunter2");
    }

    @Test
    void validationHelperThrowsParameterMissing() {
        P3DecodingException e = catchThrowableOfType(P3DecodingException.class,
                () -> P3Validation.require(null, "executeTransactionRequest.transactionParameters.amount"));

        assertThat(e.errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(e.field()).isEqualTo("executeTransactionRequest.transactionParameters.amount");
        assertThat(P3Validation.require("x", "f")).isEqualTo("x");
        assertThat(P3Validation.invalid("a.b", "must be positive").errorType())
                .isEqualTo(P3ErrorType.PARAMETER_INVALID);
    }
}
