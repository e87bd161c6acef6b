package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tillgate.p3.server.P3TestGateway.Transport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end over real loopback sockets: a POS speaking P3 over WebSocket and over framed TCP to
 * the real server, payment service and simulated terminals; every scenario runs on both transports.
 */
@Timeout(20)
class P3ServerTest {

    private static final String READER1 = "devices/reader1";
    private static final String MASKED_PAN = "[0-9]{6}\\*+[0-9]{4}";

    private P3TestGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = new P3TestGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private P3TestPos connect(Transport transport) {
        return new P3TestPos(gateway.connect(transport));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void fullTransactionWithUpdatesAndReceipts(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            JsonNode login = pos.login();
            assertThat(login.path("type").asText()).isEqualTo("LOGIN_MERCHANT_RESPONSE");
            assertThat(login.path("status").asText()).isEqualTo("OK");
            assertThat(login.has("error")).isFalse();
            JsonNode body = login.path("loginMerchantResponse");
            assertThat(body.path("information").path("location").asText()).isEqualTo("Test Lab");
            assertThat(body.path("devices")).extracting(d -> d.path("identifier").asText())
                    .containsExactly("reader1", "reader2");
            assertThat(body.path("devices").get(0).path("resource").asText()).isEqualTo(READER1);
            assertThat(body.path("devices").get(0).path("name").asText()).isEqualTo("Counter 1");

            pos.send(P3TestPos.execute("t2", READER1, "60.00", p -> p.put("customIdentifier", "order-1")));
            List<JsonNode> messages = pos.untilResponse("t2");
            List<JsonNode> updates = messages.subList(0, messages.size() - 1);
            JsonNode response = messages.get(messages.size() - 1);

            assertThat(updates).isNotEmpty().allSatisfy(update -> {
                assertThat(update.path("type").asText()).isEqualTo("EXECUTE_TRANSACTION_UPDATE");
                assertThat(update.path("resource").asText()).isEqualTo(READER1);
                assertThat(update.path("status").asText()).isEqualTo("OK");
                JsonNode u = update.path("executeTransactionUpdate");
                assertThat(u.path("information")).hasSize(2);
                assertThat(u.path("transaction").path("status").asText()).isEqualTo("PENDING");
                boolean beforeCard = u.path("state").asText().matches(
                        "CONNECTING_TO_ACCESSORY|INITIALIZING_TRANSACTION|WAITING_FOR_CARD_PRESENTATION");
                assertThat(u.path("abortable").asBoolean()).as("abortable in %s", u.path("stateDetails"))
                        .isEqualTo(beforeCard);
            });
            assertThat(updates).extracting(u -> u.path("executeTransactionUpdate").path("stateDetails").asText())
                    .containsSubsequence("CONNECTING_TO_ACCESSORY", "INITIALIZING_TRANSACTION_REGISTERING",
                            "PROCESSING_WAITING_FOR_CARD_PRESENTATION", "PROCESSING_WAITING_FOR_PIN", "PROCESSING",
                            "PROCESSING_WAITING_FOR_CARD_REMOVAL");

            assertThat(response.path("type").asText()).isEqualTo("EXECUTE_TRANSACTION_RESPONSE");
            assertThat(response.path("resource").asText()).isEqualTo(READER1);
            assertThat(response.path("status").asText()).isEqualTo("OK");
            assertThat(response.has("error")).isFalse();
            JsonNode transaction = response.path("executeTransactionResponse").path("transaction");
            assertThat(transaction.path("identifier").asText()).matches("[0-9a-f]{32}");
            assertThat(transaction.path("amount").decimalValue()).isEqualTo(new BigDecimal("60.00"));
            assertThat(transaction.path("currency").asText()).isEqualTo("EUR");
            assertThat(transaction.path("type").asText()).isEqualTo("CHARGE");
            assertThat(transaction.path("status").asText()).isEqualTo("APPROVED");
            assertThat(transaction.path("statusDetails").asText()).isEqualTo("APPROVED");
            assertThat(transaction.path("mode").asText()).isEqualTo("ONLINE");
            assertThat(transaction.path("captured").asBoolean()).isTrue();
            assertThat(transaction.path("customIdentifier").asText()).isEqualTo("order-1");
            assertThat(transaction.path("subject").asText()).isEqualTo("Test purchase");
            assertThat(transaction.path("createdTimestamp").asLong()).isPositive();
            assertThat(transaction.path("cardDetails").path("maskedCardNumber").asText()).matches(MASKED_PAN);
            assertThat(transaction.path("paymentDetails").path("scheme").asText()).isEqualTo("VISA");
            assertThat(transaction.path("paymentDetails").path("source").asText()).isEqualTo("CHIP");
            assertThat(transaction.path("paymentDetails").path("customerVerification").asText()).isEqualTo("PIN");
            assertThat(transaction.path("clearingDetails").path("authorizationCode").asText()).hasSize(6);

            JsonNode merchantReceipt = transaction.path("merchantReceipt");
            assertThat(merchantReceipt.path("data").path("RECEIPT_TYPE").path("value").asText())
                    .isEqualTo("Merchant Receipt");
            assertThat(merchantReceipt.path("data").path("AMOUNT_AND_CURRENCY").path("value").asText())
                    .isEqualTo("60.00 EUR");
            assertThat(merchantReceipt.path("data").path("PAYMENT_DETAILS_MASKED_ACCOUNT").path("value").asText())
                    .matches(MASKED_PAN);
            assertThat(merchantReceipt.path("data").path("IDENTIFIER").path("key").asText()).isEqualTo("IDENTIFIER");
            assertThat(merchantReceipt.path("lines")).isNotEmpty()
                    .allSatisfy(line -> assertThat(line.asText().length()).isLessThanOrEqualTo(40));
            assertThat(merchantReceipt.path("lines"))
                    .anySatisfy(line -> assertThat(line.asText()).contains("Demo Shop"));
            assertThat(merchantReceipt.path("signatureLineRequired").asBoolean()).isFalse();
            assertThat(transaction.path("customerReceipt").path("data").path("RECEIPT_TYPE").path("value").asText())
                    .isEqualTo("Customer Receipt");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void overLimitMessageClosesTheConnection(Transport transport) {
        try (P3TestConnection connection = gateway.connect(transport)) {
            if (transport == Transport.TCP) {
                connection.sendBytes(new byte[] {0, 0, (byte) 0x40, 1});
            } else {
                connection.send("{\"type\":\"" + "X".repeat(P3TestGateway.MAX_FRAME_BYTES) + "\"}");
            }
            assertThat(connection.awaitClosed(Duration.ofSeconds(5))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void invalidJsonIsAnsweredAndTheConnectionStaysUsable(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.connection().send("{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\",");
            JsonNode error = pos.connection().receive();
            assertThat(error.path("status").asText()).isEqualTo("ERROR");
            assertThat(error.path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");
            assertThat(error.path("tag").asText()).isEqualTo("t1");

            pos.connection().send("not json at all");
            JsonNode notJson = pos.connection().receive();
            assertThat(notJson.path("type").asText()).isEqualTo("ERROR_RESPONSE");
            assertThat(notJson.path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");

            assertThat(pos.login().path("status").asText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unknownMessageTypeIsParameterInvalid(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.connection().send("{\"type\":\"BREW_COFFEE_REQUEST\",\"tag\":\"t7\",\"resource\":\"devices/reader1\"}");
            JsonNode error = pos.next("t7");
            assertThat(error.path("type").asText()).isEqualTo("ERROR_RESPONSE");
            assertThat(error.path("status").asText()).isEqualTo("ERROR");
            assertThat(error.path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");
            assertThat(error.path("error").path("developerMessage").asText()).contains("BREW_COFFEE_REQUEST");
            assertThat(error.path("resource").asText()).isEqualTo(READER1);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void missingFieldIsParameterMissingNamingIt(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.send(P3TestPos.request("LOGIN_MERCHANT_REQUEST", "t1", null, body -> body
                    .put("providerMode", "TEST").put("merchantIdentifier", "demo")));
            JsonNode error = pos.next("t1");
            assertThat(error.path("type").asText()).isEqualTo("LOGIN_MERCHANT_RESPONSE");
            assertThat(error.path("error").path("type").asText()).isEqualTo("PARAMETER_MISSING");
            assertThat(error.path("error").path("message").asText()).contains("loginMerchantRequest.merchantSecret");

            pos.login();
            pos.send(P3TestPos.request("EXECUTE_TRANSACTION_REQUEST", "t2", READER1, body -> body
                    .putObject("transactionParameters").put("currency", "EUR").put("type", "CHARGE")));
            JsonNode missingAmount = pos.next("t2");
            assertThat(missingAmount.path("type").asText()).isEqualTo("EXECUTE_TRANSACTION_RESPONSE");
            assertThat(missingAmount.path("error").path("type").asText()).isEqualTo("PARAMETER_MISSING");
            assertThat(missingAmount.path("error").path("message").asText())
                    .contains("executeTransactionRequest.transactionParameters.amount");
            assertThat(missingAmount.path("resource").asText()).isEqualTo(READER1);

            pos.send(P3TestPos.execute("t3", READER1, "12.345", p -> {
            }));
            JsonNode tooPrecise = pos.next("t3");
            assertThat(tooPrecise.path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");
            assertThat(tooPrecise.path("error").path("developerMessage").asText()).contains("not representable");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unknownOrForeignDeviceIsAccessoryNotFound(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", "devices/nope", "5.00");
            assertThat(pos.next("t2").path("error").path("type").asText()).isEqualTo("ACCESSORY_NOT_FOUND");
            pos.execute("t3", "devices/reader3", "5.00");
            JsonNode foreign = pos.next("t3");
            assertThat(foreign.path("error").path("type").asText()).isEqualTo("ACCESSORY_NOT_FOUND");
            assertThat(foreign.path("resource").asText()).isEqualTo("devices/reader3");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void wrongCredentialsFailAuthentication(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            JsonNode wrongSecret = pos.login("demo", "guess");
            assertThat(wrongSecret.path("status").asText()).isEqualTo("ERROR");
            assertThat(wrongSecret.path("error").path("type").asText()).isEqualTo("SERVER_AUTHENTICATION_FAILED");
            assertThat(wrongSecret.toString()).doesNotContain("guess");
            JsonNode unknownMerchant = pos.login("nobody", P3TestGateway.SECRET);
            assertThat(unknownMerchant.path("error").path("type").asText()).isEqualTo("SERVER_AUTHENTICATION_FAILED");
            assertThat(unknownMerchant.path("error")).isEqualTo(wrongSecret.path("error"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestBeforeLoginFailsAuthentication(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.execute("t2", READER1, "5.00");
            JsonNode refused = pos.next("t2");
            assertThat(refused.path("type").asText()).isEqualTo("EXECUTE_TRANSACTION_RESPONSE");
            assertThat(refused.path("error").path("type").asText()).isEqualTo("SERVER_AUTHENTICATION_FAILED");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void secondTransactionOnABusyDeviceIsRefusedWhileTheFirstContinues(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.93");
            pos.update("t2", P3ServerTest::waitingForCard);
            pos.execute("t3", READER1, "5.00");
            JsonNode busy = pos.response("t3");
            assertThat(busy.path("status").asText()).isEqualTo("ERROR");
            assertThat(busy.path("error").path("type").asText()).isEqualTo("TRANSACTION_BUSY");

            JsonNode first = pos.response("t2");
            assertThat(first.path("status").asText()).isEqualTo("OK");
            assertThat(transactionOf(first).path("status").asText()).isEqualTo("APPROVED");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void abortWhileAbortableEndsAborted(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.93");
            pos.update("t2", P3ServerTest::waitingForCard);
            pos.send(P3TestPos.request("ABORT_TRANSACTION_REQUEST", "t3", READER1, body -> {
            }));
            JsonNode abort = pos.response("t3");
            assertThat(abort.path("type").asText()).isEqualTo("ABORT_TRANSACTION_RESPONSE");
            assertThat(abort.path("status").asText()).isEqualTo("OK");
            assertThat(abort.path("resource").asText()).isEqualTo(READER1);

            JsonNode response = pos.response("t2");
            assertThat(pos.arrivals().indexOf(abort)).isLessThan(pos.arrivals().indexOf(response));
            assertThat(response.path("status").asText()).isEqualTo("OK");
            assertThat(transactionOf(response).path("status").asText()).isEqualTo("ABORTED");
            assertThat(transactionOf(response).path("statusDetails").asText()).isEqualTo("ABORTED_MERCHANT_ABORTED");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void abortWhenNotAbortableIsRefusedAndTheTimeoutEndsItInconclusive(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.95");
            pos.update("t2", u -> !u.path("executeTransactionUpdate").path("abortable").asBoolean());
            pos.send(P3TestPos.request("ABORT_TRANSACTION_REQUEST", "t3", READER1, body -> {
            }));
            JsonNode abort = pos.response("t3");
            assertThat(abort.path("status").asText()).isEqualTo("ERROR");
            assertThat(abort.path("error").path("type").asText()).isEqualTo("TRANSACTION_NO_LONGER_ABORTABLE");

            JsonNode response = pos.response("t2", P3TestGateway.TRANSACTION_TIMEOUT.plusSeconds(5));
            assertThat(response.path("status").asText()).isEqualTo("OK");
            JsonNode transaction = transactionOf(response);
            assertThat(transaction.path("status").asText()).isEqualTo("INCONCLUSIVE");
            assertThat(transaction.path("statusDetails").asText()).isEqualTo("INCONCLUSIVE_TERMINAL_TIMEOUT");
            assertThat(transaction.has("merchantReceipt")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void signatureAsImage(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.92");
            JsonNode action = awaitSignatureAction(pos);
            assertThat(action.path("executeTransactionAction").path("transaction").path("status").asText())
                    .isEqualTo("PENDING");

            pos.send(P3TestPos.request("SUBMIT_SIGNATURE_REQUEST", "t4", READER1,
                    body -> body.put("signature", Base64.getEncoder().encodeToString(tinyPng()))));
            JsonNode submitted = pos.response("t4");
            assertThat(submitted.path("type").asText()).isEqualTo("SUBMIT_SIGNATURE_RESPONSE");
            assertThat(submitted.path("status").asText()).isEqualTo("OK");

            JsonNode transaction = transactionOf(pos.response("t2"));
            assertThat(transaction.path("status").asText()).isEqualTo("APPROVED");
            assertThat(transaction.path("paymentDetails").path("customerVerification").asText()).isEqualTo("SIGNATURE");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void signatureOnReceipt(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.92");
            awaitSignatureAction(pos);
            pos.send(P3TestPos.request("SUBMIT_SIGNATURE_REQUEST", "t4", READER1,
                    body -> body.put("signatureOnReceipt", true)));
            assertThat(pos.response("t4").path("status").asText()).isEqualTo("OK");

            JsonNode transaction = transactionOf(pos.response("t2"));
            assertThat(transaction.path("status").asText()).isEqualTo("APPROVED");
            assertThat(transaction.path("merchantReceipt").path("signatureLineRequired").asBoolean()).isTrue();
            assertThat(transaction.path("merchantReceipt").path("lines"))
                    .anySatisfy(line -> assertThat(line.asText()).contains("Customer signature"));
            assertThat(transaction.path("customerReceipt").path("signatureLineRequired").asBoolean()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void invalidOrUnexpectedSignatureIsAnActionError(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.send(P3TestPos.request("SUBMIT_SIGNATURE_REQUEST", "t0", READER1,
                    body -> body.put("signatureOnReceipt", true)));
            assertThat(pos.response("t0").path("error").path("type").asText()).isEqualTo("TRANSACTION_ACTION_ERROR");

            pos.execute("t2", READER1, "12.92");
            awaitSignatureAction(pos);
            pos.send(P3TestPos.request("SUBMIT_SIGNATURE_REQUEST", "t4", READER1,
                    body -> body.put("signature", Base64.getEncoder().encodeToString("not a png".getBytes()))));
            JsonNode notPng = pos.response("t4");
            assertThat(notPng.path("error").path("type").asText()).isEqualTo("TRANSACTION_ACTION_ERROR");
            assertThat(notPng.path("error").path("developerMessage").asText()).contains("invalid signature");
            pos.send(P3TestPos.request("SUBMIT_SIGNATURE_REQUEST", "t5", READER1,
                    body -> body.put("signature", "%%% not base64 %%%")));
            assertThat(pos.response("t5").path("error").path("type").asText()).isEqualTo("TRANSACTION_ACTION_ERROR");
            pos.send(P3TestPos.request("SUBMIT_SIGNATURE_REQUEST", "t6", READER1, body -> {
            }));
            JsonNode missing = pos.response("t6");
            assertThat(missing.path("error").path("type").asText()).isEqualTo("PARAMETER_MISSING");
            assertThat(missing.path("error").path("message").asText()).contains("submitSignatureRequest.signature");

            pos.send(P3TestPos.request("SUBMIT_SIGNATURE_REQUEST", "t7", READER1,
                    body -> body.put("signatureOnReceipt", true)));
            assertThat(pos.response("t7").path("status").asText()).isEqualTo("OK");
            assertThat(transactionOf(pos.response("t2")).path("status").asText()).isEqualTo("APPROVED");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void refundsAnApprovedTransactionInPartsButNotBeyondIt(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "20.00");
            String original = transactionOf(pos.response("t2")).path("identifier").asText();

            pos.send(amend("r1", "REFUND", original, "5.00"));
            List<JsonNode> partial = pos.untilResponse("r1");
            assertThat(partial.subList(0, partial.size() - 1)).isNotEmpty().allSatisfy(update -> {
                assertThat(update.path("type").asText()).isEqualTo("AMEND_TRANSACTION_UPDATE");
                assertThat(update.path("amendTransactionUpdate").path("information")).hasSize(2);
                assertThat(update.path("amendTransactionUpdate").path("abortable").asBoolean()).isFalse();
            });
            JsonNode response = partial.get(partial.size() - 1);
            assertThat(response.path("type").asText()).isEqualTo("AMEND_TRANSACTION_RESPONSE");
            assertThat(response.path("resource").asText()).isEqualTo("/");
            JsonNode refund = response.path("amendTransactionResponse").path("transaction");
            assertThat(refund.path("type").asText()).isEqualTo("REFUND");
            assertThat(refund.path("status").asText()).isEqualTo("APPROVED");
            assertThat(refund.path("amount").decimalValue()).isEqualTo(new BigDecimal("5.00"));
            assertThat(refund.path("referencedTransactionIdentifier").asText()).isEqualTo(original);
            assertThat(refund.path("identifier").asText()).isNotEqualTo(original).matches("[0-9a-f]{32}");
            assertThat(refund.path("merchantReceipt").path("data").path("TRANSACTION_TYPE").path("value").asText())
                    .isEqualTo("Refund");

            pos.send(amend("r2", "REFUND", original, null));
            JsonNode rest = pos.response("r2").path("amendTransactionResponse").path("transaction");
            assertThat(rest.path("amount").decimalValue()).isEqualTo(new BigDecimal("15.00"));

            pos.send(amend("r3", "REFUND", original, "1.00"));
            JsonNode over = pos.response("r3");
            assertThat(over.path("status").asText()).isEqualTo("ERROR");
            assertThat(over.path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");

            pos.send(amend("r4", "REFUND", "0123456789abcdef0123456789abcdef", null));
            assertThat(pos.response("r4").path("error").path("type").asText())
                    .isEqualTo("TRANSACTION_REFERENCE_NOT_FOUND");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void capturesAPreauthorisation(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.send(P3TestPos.execute("t2", READER1, "30.00", p -> p.put("autoCapture", false)));
            JsonNode authorised = transactionOf(pos.response("t2"));
            assertThat(authorised.path("status").asText()).isEqualTo("APPROVED");
            assertThat(authorised.path("captured").asBoolean()).isFalse();

            pos.send(amend("c1", "CAPTURE", authorised.path("identifier").asText(), null));
            JsonNode response = pos.response("c1");
            assertThat(response.path("status").asText()).isEqualTo("OK");
            JsonNode captured = response.path("amendTransactionResponse").path("transaction");
            assertThat(captured.path("identifier").asText()).isEqualTo(authorised.path("identifier").asText());
            assertThat(captured.path("captured").asBoolean()).isTrue();

            pos.send(amend("c2", "CAPTURE", authorised.path("identifier").asText(), null));
            assertThat(pos.response("c2").path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void posThatDisconnectsRecoversTheResultByQuery(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.send(P3TestPos.execute("t2", READER1, "12.93", p -> p.put("customIdentifier", "order-93")));
            pos.update("t2", P3ServerTest::waitingForCard);
        }
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            JsonNode byTag = queryUntilFinal(pos, "tag", "t2");
            assertThat(byTag.path("status").asText()).isEqualTo("APPROVED");
            assertThat(byTag.path("customIdentifier").asText()).isEqualTo("order-93");
            assertThat(byTag.path("merchantReceipt").path("lines")).isNotEmpty();

            String identifier = byTag.path("identifier").asText();
            pos.send(query("q-id", "identifier", identifier));
            assertThat(pos.response("q-id").path("queryTransactionResponse").path("transaction"))
                    .isEqualTo(byTag);
            pos.send(query("q-ref", "customIdentifier", "order-93"));
            assertThat(pos.response("q-ref").path("queryTransactionResponse").path("transaction"))
                    .isEqualTo(byTag);
            pos.send(query("q-none", "tag", "never-sent"));
            assertThat(pos.response("q-none").path("error").path("type").asText())
                    .isEqualTo("TRANSACTION_REFERENCE_NOT_FOUND");
        }
        try (P3TestPos other = connect(transport)) {
            other.login("other", P3TestGateway.OTHER_SECRET);
            other.send(query("q-foreign", "tag", "t2"));
            assertThat(other.response("q-foreign").path("error").path("type").asText())
                    .isEqualTo("TRANSACTION_REFERENCE_NOT_FOUND");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void droppedConnectionScenarioIsRecoveredByQuery(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.96");
            assertThat(pos.connection().awaitClosed(Duration.ofSeconds(5))).isTrue();
        }
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            JsonNode transaction = queryUntilFinal(pos, "tag", "t2");
            assertThat(transaction.path("status").asText()).isEqualTo("APPROVED");
            assertThat(transaction.path("amount").decimalValue()).isEqualTo(new BigDecimal("12.96"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void declined(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.91");
            JsonNode response = pos.response("t2");
            assertThat(response.path("status").asText()).isEqualTo("OK");
            JsonNode transaction = transactionOf(response);
            assertThat(transaction.path("status").asText()).isEqualTo("DECLINED");
            assertThat(transaction.path("statusDetails").asText()).isEqualTo("DECLINED");
            assertThat(transaction.path("captured").asBoolean()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void terminalErrorIsAnErrorResponseCarryingTheTransaction(Transport transport) {
        try (P3TestPos pos = connect(transport)) {
            pos.login();
            pos.execute("t2", READER1, "12.99");
            JsonNode response = pos.response("t2");
            assertThat(response.path("type").asText()).isEqualTo("EXECUTE_TRANSACTION_RESPONSE");
            assertThat(response.path("status").asText()).isEqualTo("ERROR");
            assertThat(response.path("error").path("type").asText()).isEqualTo("INTERNAL_INCONSISTENCY");
            assertThat(response.path("error").path("message").asText()).isEqualTo("The terminal reported an error");
            assertThat(response.path("error").path("developerMessage").asText()).isEqualTo("TERMINAL_ERROR");
            JsonNode transaction = transactionOf(response);
            assertThat(transaction.path("status").asText()).isEqualTo("ERROR");
            assertThat(transaction.path("statusDetails").asText()).isEqualTo("ERROR_TERMINAL_ERROR");
            assertThat(transaction.has("merchantReceipt")).isFalse();
            assertThat(transaction.has("customerReceipt")).isFalse();
        }
    }

    private static boolean waitingForCard(JsonNode update) {
        JsonNode body = update.path("executeTransactionUpdate");
        return body.path("state").asText().equals("WAITING_FOR_CARD_PRESENTATION")
                && body.path("abortable").asBoolean();
    }

    private static JsonNode awaitSignatureAction(P3TestPos pos) {
        while (true) {
            JsonNode message = pos.next("t2");
            assertThat(message.path("type").asText()).isNotEqualTo("EXECUTE_TRANSACTION_RESPONSE");
            if (message.path("type").asText().equals("EXECUTE_TRANSACTION_ACTION")) {
                assertThat(message.path("status").asText()).isEqualTo("OK");
                assertThat(message.path("resource").asText()).isEqualTo(READER1);
                assertThat(message.path("executeTransactionAction").path("action").asText())
                        .isEqualTo("CUSTOMER_SIGNATURE");
                return message;
            }
        }
    }

    private static JsonNode transactionOf(JsonNode executeResponse) {
        return executeResponse.path("executeTransactionResponse").path("transaction");
    }

    private static ObjectNode amend(String tag, String type, String original,
            String amount) {
        return P3TestPos.request("AMEND_TRANSACTION_REQUEST", tag, null, body -> {
            ObjectNode parameters = body.put("mode", "ONLINE").putObject("transactionParameters")
                    .put("type", type).put("referencedTransactionIdentifier", original);
            if (amount != null) {
                parameters.put("amount", new BigDecimal(amount)).put("currency", "EUR");
            }
        });
    }

    private static ObjectNode query(String tag, String key, String value) {
        return P3TestPos.request("QUERY_TRANSACTION_REQUEST", tag, "/", body -> body.put(key, value));
    }

    /** Queries until the transaction is no longer PENDING, as a recovering POS does (docs/protocols/p3.md §6). */
    private static JsonNode queryUntilFinal(P3TestPos pos, String key, String value) {
        List<String> seen = new ArrayList<>();
        for (int attempt = 0; attempt < 100; attempt++) {
            String tag = "q" + attempt;
            pos.send(query(tag, key, value));
            JsonNode response = pos.response(tag);
            assertThat(response.path("status").asText()).as("query %s", response).isEqualTo("OK");
            JsonNode transaction = response.path("queryTransactionResponse").path("transaction");
            seen.add(transaction.path("status").asText());
            if (!transaction.path("status").asText().equals("PENDING")) {
                return transaction;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("transaction still pending after queries: " + seen);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A real PNG (2 × 1 pixels), as a signature pad would send. */
    static byte[] tinyPng() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
