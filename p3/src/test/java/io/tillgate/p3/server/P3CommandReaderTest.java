package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.TransactionLookup;
import io.tillgate.p3.codec.AmendTransactionRequest;
import io.tillgate.p3.codec.ExecuteTransactionRequest;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.QueryTransactionRequest;
import io.tillgate.p3.codec.SubmitSignatureRequest;
import io.tillgate.p3.codec.TransactionParameters;
import java.math.BigDecimal;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class P3CommandReaderTest {

    private static TransactionParameters.Builder charge(String amount, String currency) {
        return TransactionParameters.builder().amount(amount == null ? null : new BigDecimal(amount))
                .currency(currency).type("CHARGE");
    }

    private static PaymentCommand execute(TransactionParameters.Builder parameters) {
        return P3CommandReader.charge(ExecuteTransactionRequest.of("ONLINE", parameters.build()));
    }

    private static void assertRefused(ThrowingCallable call, P3ErrorType type, String field, String problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(P3DecodingException.class, e -> {
            assertThat(e.errorType()).isEqualTo(type);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problem);
        });
    }

    @Test
    void chargeIsASaleUnlessAutoCaptureIsFalse() {
        PaymentCommand sale = execute(charge("12.50", "EUR").customIdentifier("order-1").subject("Coffee"));
        assertThat(sale).isEqualTo(PaymentCommand.sale(Money.ofMinor(1250, "EUR"), "order-1", "Coffee"));
        assertThat(execute(charge("12.50", "eur").autoCapture(false)).kind()).isEqualTo(PaymentKind.PREAUTH);
        assertThat(execute(charge("1250", "JPY")).amount()).isEqualTo(Money.ofMinor(1250, "JPY"));
    }

    @Test
    void chargeFieldsAreCheckedNamingTheField() {
        String path = "executeTransactionRequest.transactionParameters";
        assertRefused(() -> P3CommandReader.charge(ExecuteTransactionRequest.of(null, null)),
                P3ErrorType.PARAMETER_MISSING, path, "is missing");
        assertRefused(() -> execute(charge(null, "EUR")), P3ErrorType.PARAMETER_MISSING, path + ".amount", "missing");
        assertRefused(() -> execute(charge("5", null)), P3ErrorType.PARAMETER_MISSING, path + ".currency", "missing");
        assertRefused(() -> execute(charge("5", "EURO")), P3ErrorType.PARAMETER_INVALID, path + ".currency",
                "unknown ISO 4217 currency code 'EURO'");
        assertRefused(() -> execute(charge("5", "XAU")), P3ErrorType.PARAMETER_INVALID, path + ".currency",
                "no ISO 4217 minor unit");
        assertRefused(() -> execute(charge("12.5", "JPY")), P3ErrorType.PARAMETER_INVALID, path + ".amount",
                "not representable");
        assertRefused(() -> execute(charge("0.00", "EUR")), P3ErrorType.PARAMETER_INVALID, path + ".amount",
                "greater than 0");
        assertRefused(() -> execute(charge("-1", "EUR")), P3ErrorType.PARAMETER_INVALID, path + ".amount",
                "greater than 0");
        assertRefused(() -> execute(charge("5", "EUR").type("REFUND")), P3ErrorType.PARAMETER_INVALID,
                path + ".type", "expected CHARGE");
        assertRefused(() -> execute(charge("5", "EUR").type(null)), P3ErrorType.PARAMETER_MISSING,
                path + ".type", "missing");
        assertRefused(() -> P3CommandReader.charge(new ExecuteTransactionRequest(null, null, "session-1", null, null)),
                P3ErrorType.PARAMETER_INVALID, "executeTransactionRequest.sessionIdentifier",
                "sessionIdentifier is not supported; send transactionParameters");
        assertRefused(() -> P3CommandReader.charge(ExecuteTransactionRequest.of("OFFLINE", charge("5", "EUR").build())),
                P3ErrorType.PARAMETER_INVALID, "executeTransactionRequest.mode", "only ONLINE");
    }

    @Test
    void amendIsARefundOrACaptureOfAReferencedTransaction() {
        String original = "97a293ca3b804d639d8552962e0e3522";
        PaymentCommand full = P3CommandReader.amend(new AmendTransactionRequest("ONLINE", TransactionParameters
                .builder().type("REFUND").referencedTransactionIdentifier(original).build()));
        assertThat(full).isEqualTo(new PaymentCommand(PaymentKind.REFUND, null, null, original, null));
        PaymentCommand partial = P3CommandReader.amend(new AmendTransactionRequest(null, TransactionParameters
                .builder().type("REFUND").referencedTransactionIdentifier(original).amount(new BigDecimal("2.5"))
                .currency("EUR").customIdentifier("refund-1").subject("Broken cup").build()));
        assertThat(partial).isEqualTo(new PaymentCommand(PaymentKind.REFUND, Money.ofMinor(250, "EUR"), "refund-1",
                original, "Broken cup"));
        assertThat(P3CommandReader.amend(new AmendTransactionRequest(null, TransactionParameters.builder()
                .type("CAPTURE").referencedTransactionIdentifier(original).build())).kind())
                .isEqualTo(PaymentKind.CAPTURE);

        String path = "amendTransactionRequest.transactionParameters";
        assertRefused(() -> P3CommandReader.amend(new AmendTransactionRequest(null, TransactionParameters.builder()
                .type("TIP_ADJUST").referencedTransactionIdentifier(original).build())),
                P3ErrorType.PARAMETER_INVALID, path + ".type", "expected REFUND or CAPTURE");
        assertRefused(() -> P3CommandReader.amend(new AmendTransactionRequest(null, TransactionParameters.builder()
                .type("REFUND").build())), P3ErrorType.PARAMETER_MISSING, path + ".referencedTransactionIdentifier",
                "missing");
        assertRefused(() -> P3CommandReader.amend(new AmendTransactionRequest(null, TransactionParameters.builder()
                .type("REFUND").referencedTransactionIdentifier(original).amount(BigDecimal.ONE).build())),
                P3ErrorType.PARAMETER_MISSING, path + ".currency", "missing");
    }

    @Test
    void aForwardedExecuteCarriesAChargeARefundOrACaptureAndAnUnlinkedRefundNeedsItsAmount() {
        String original = "97a293ca3b804d639d8552962e0e3522";
        assertThat(forwarded(charge("12.00", "EUR").autoCapture(false)))
                .isEqualTo(PaymentCommand.preauth(Money.ofMinor(1200, "EUR"), null, null));
        assertThat(forwarded(TransactionParameters.builder().type("CAPTURE").referencedTransactionIdentifier(original)))
                .isEqualTo(new PaymentCommand(PaymentKind.CAPTURE, null, null, original, null));
        assertThat(forwarded(TransactionParameters.builder().type("REFUND").amount(new BigDecimal("3.10"))
                .currency("EUR").customIdentifier("order-1")))
                .isEqualTo(PaymentCommand.unlinkedRefund(Money.ofMinor(310, "EUR"), "order-1", null));

        String path = "executeTransactionRequest.transactionParameters";
        assertRefused(() -> forwarded(TransactionParameters.builder().type("REFUND")), P3ErrorType.PARAMETER_MISSING,
                path + ".amount", "missing");
        assertRefused(() -> forwarded(TransactionParameters.builder().type("CAPTURE")), P3ErrorType.PARAMETER_MISSING,
                path + ".referencedTransactionIdentifier", "missing");
        assertRefused(() -> execute(TransactionParameters.builder().type("REFUND").amount(BigDecimal.ONE)
                .currency("EUR")), P3ErrorType.PARAMETER_INVALID, path + ".type", "expected CHARGE");
    }

    private static PaymentCommand forwarded(TransactionParameters.Builder parameters) {
        return P3CommandReader.forwarded(ExecuteTransactionRequest.of("ONLINE", parameters.build()));
    }

    @Test
    void queryNeedsOneKey() {
        assertThat(P3CommandReader.lookup(QueryTransactionRequest.byTag("t2")))
                .isEqualTo(new TransactionLookup.ByRequestReference("P3", "t2"));
        assertThat(P3CommandReader.lookup(QueryTransactionRequest.byCustomIdentifier("order-1")))
                .isEqualTo(new TransactionLookup.ByReference("order-1"));
        assertThat(P3CommandReader.lookup(QueryTransactionRequest.byIdentifier("abc")))
                .isEqualTo(new TransactionLookup.ById("abc"));
        assertRefused(() -> P3CommandReader.lookup(new QueryTransactionRequest(null, null, null)),
                P3ErrorType.PARAMETER_MISSING, "queryTransactionRequest.identifier", "missing");
    }

    @Test
    void signatureMustBeAPngOrOnTheReceipt() {
        assertThat(P3CommandReader.signature(SubmitSignatureRequest.onReceipt()).onReceipt()).isTrue();
        byte[] png = P3ServerTest.tinyPng();
        assertThat(P3CommandReader.signature(SubmitSignatureRequest.digital(Base64.getEncoder().encodeToString(png)))
                .png()).isEqualTo(png);
        assertRefused(() -> P3CommandReader.signature(new SubmitSignatureRequest(null, false)),
                P3ErrorType.PARAMETER_MISSING, "submitSignatureRequest.signature", "missing");
        assertThatThrownBy(() -> P3CommandReader.signature(SubmitSignatureRequest.digital("R0lGODlhAQABAAAAACw=")))
                .isInstanceOfSatisfying(P3Refusal.class, e -> {
                    assertThat(e.error().type()).isEqualTo("TRANSACTION_ACTION_ERROR");
                    assertThat(e.error().developerMessage()).isEqualTo("invalid signature: not a PNG image");
                });
    }
}
