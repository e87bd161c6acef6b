package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.receipt.ReceiptComposer;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.p3.codec.P3Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class P3TransactionMapperTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:15:00Z");
    private static final String ID = "97a293ca3b804d639d8552962e0e3522";

    private final P3TransactionMapper mapper = new P3TransactionMapper(new P3ReceiptMapper(new ReceiptComposer(
            new MerchantDetails("Demo Shop", "Main Street 1", "10115", "Berlin", "DE"), ZoneId.of("Europe/Berlin"),
            32)));

    private static TransactionRecord pending(PaymentKind kind, Money amount) {
        return new TransactionRecord(ID, "demo", "reader1", "P3", "t2", kind, amount, "order-1", null, "Coffee",
                false, false, TransactionState.IN_PROGRESS, null, CREATED, CREATED);
    }

    private static TransactionOutcome approved(Money approvedAmount) {
        return TransactionOutcome.builder(TransactionResult.APPROVED)
                .approvedAmount(approvedAmount)
                .card(new MaskedPan("516815******9659"), CardScheme.MASTERCARD, EntryMode.CONTACTLESS)
                .verification(CardholderVerification.NONE)
                .authorisationCode("A1B2C3")
                .references("reader1-000001", null)
                .build();
    }

    @Test
    void pendingTransactionHasNoOutcomeFieldsAndNoReceipts() {
        P3Transaction p3 = mapper.toP3(pending(PaymentKind.SALE, Money.ofMinor(500, "EUR")));

        assertThat(p3.identifier()).isEqualTo(ID);
        assertThat(p3.amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(p3.currency()).isEqualTo("EUR");
        assertThat(p3.type()).isEqualTo("CHARGE");
        assertThat(p3.status()).isEqualTo("PENDING");
        assertThat(p3.statusDetails()).isNull();
        assertThat(p3.mode()).isEqualTo("ONLINE");
        assertThat(p3.captured()).isFalse();
        assertThat(p3.createdTimestamp()).isEqualTo(CREATED.toEpochMilli());
        assertThat(p3.subject()).isEqualTo("Coffee");
        assertThat(p3.customIdentifier()).isEqualTo("order-1");
        assertThat(p3.paymentDetails()).isNull();
        assertThat(p3.cardDetails()).isNull();
        assertThat(p3.merchantReceipt()).isNull();
        assertThat(p3.customerReceipt()).isNull();
    }

    @Test
    void approvedTransactionCarriesCardClearingAndBothReceipts() {
        TransactionRecord record = pending(PaymentKind.SALE, Money.ofMinor(500, "EUR"))
                .withOutcome(approved(Money.ofMinor(500, "EUR")), true, CREATED.plusSeconds(5));

        P3Transaction p3 = mapper.toP3(record);

        assertThat(p3.status()).isEqualTo("APPROVED");
        assertThat(p3.statusDetails()).isEqualTo("APPROVED");
        assertThat(p3.captured()).isTrue();
        assertThat(p3.paymentDetails().scheme()).isEqualTo("MASTERCARD");
        assertThat(p3.paymentDetails().source()).isEqualTo("CONTACTLESS");
        assertThat(p3.paymentDetails().customerVerification()).isEqualTo("NONE");
        assertThat(p3.cardDetails().maskedCardNumber()).isEqualTo("516815******9659");
        assertThat(p3.cardDetails().expiryMonth()).isZero();
        assertThat(p3.clearingDetails().authorizationCode()).isEqualTo("A1B2C3");
        assertThat(p3.clearingDetails().transactionIdentifier()).isEqualTo("reader1-000001");

        assertThat(p3.merchantReceipt().data()).containsKeys("MERCHANT_DETAILS_PUBLIC_NAME", "RECEIPT_TYPE",
                "TRANSACTION_TYPE", "SUBJECT", "AMOUNT_AND_CURRENCY", "DATE", "TIME", "STATUS_TEXT",
                "PAYMENT_DETAILS_MASKED_ACCOUNT", "CLEARING_DETAILS_AUTHORIZATION_CODE", "IDENTIFIER");
        assertThat(p3.merchantReceipt().data().keySet()).startsWith("MERCHANT_DETAILS_PUBLIC_NAME");
        assertThat(p3.merchantReceipt().data().get("TIME").value()).isEqualTo("10:15:05");
        assertThat(p3.merchantReceipt().data().get("SUBJECT").label()).isEqualTo("Description");
        assertThat(p3.merchantReceipt().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(32));
        assertThat(p3.merchantReceipt().signatureLineRequired()).isFalse();
        assertThat(p3.customerReceipt().data().get("RECEIPT_TYPE").value()).isEqualTo("Customer Receipt");
    }

    @Test
    void receiptShowsTheApprovedAmountAndAmountsKeepTheCurrencyExponent() {
        TransactionRecord record = pending(PaymentKind.SALE, Money.ofMinor(1297, "JPY"))
                .withOutcome(approved(Money.ofMinor(648, "JPY")), true, CREATED);

        P3Transaction p3 = mapper.toP3(record);

        assertThat(p3.amount()).isEqualTo(new BigDecimal("1297"));
        assertThat(p3.merchantReceipt().data().get("AMOUNT_AND_CURRENCY").value()).isEqualTo("648 JPY");
    }

    @Test
    void failedTransactionHasNoReceipts() {
        TransactionRecord record = pending(PaymentKind.SALE, Money.ofMinor(1299, "EUR"))
                .withOutcome(TransactionOutcome.of(TransactionResult.FAILED, "TERMINAL_ERROR"), false, CREATED);

        P3Transaction p3 = mapper.toP3(record);

        assertThat(p3.status()).isEqualTo("ERROR");
        assertThat(p3.statusDetails()).isEqualTo("ERROR_TERMINAL_ERROR");
        assertThat(p3.merchantReceipt()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "ABORTED, SHOPPER_ABORTED, ABORTED, ABORTED_SHOPPER_ABORTED, true",
        "DECLINED, ISSUER_DECLINED, DECLINED, DECLINED, true",
        "UNKNOWN, TERMINAL_TIMEOUT, INCONCLUSIVE, INCONCLUSIVE_TERMINAL_TIMEOUT, false"
    })
    void settledStatesMapToP3StatusAndDetails(TransactionResult result, String reason, String status,
            String statusDetails, boolean receipts) {
        TransactionRecord record = pending(PaymentKind.SALE, Money.ofMinor(1294, "EUR"))
                .withOutcome(TransactionOutcome.of(result, reason), false, CREATED);

        P3Transaction p3 = mapper.toP3(record);

        assertThat(p3.status()).isEqualTo(status);
        assertThat(p3.statusDetails()).isEqualTo(statusDetails);
        assertThat(p3.merchantReceipt() != null).isEqualTo(receipts);
    }

    @Test
    void refundsAndPreauthorisationsAreTyped() {
        TransactionRecord refund = new TransactionRecord(ID, "demo", "reader1", "P3", "r1", PaymentKind.REFUND,
                Money.ofMinor(500, "EUR"), null, "0123456789abcdef0123456789abcdef", null, false, false,
                TransactionState.SENT, null, CREATED, CREATED);

        assertThat(mapper.toP3(refund).type()).isEqualTo("REFUND");
        assertThat(mapper.toP3(refund).referencedTransactionIdentifier())
                .isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(mapper.toP3(pending(PaymentKind.PREAUTH, Money.ofMinor(500, "EUR"))).type()).isEqualTo("CHARGE");
        assertThat(P3TransactionMapper.scheme(CardScheme.CB)).isEqualTo("UNKNOWN");
        assertThat(P3TransactionMapper.scheme(CardScheme.VISA_ELECTRON)).isEqualTo("VISA_ELECTRON");
    }
}
