package io.tillgate.journal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Test records: valid ids, instants at microsecond precision (what every journal keeps). */
final class Transactions {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final String MERCHANT = "shop-1";
    static final String TERMINAL = "till-1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Transactions() {
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Instant at(long seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    static TransactionRecord sale(Instant createdAt) {
        return created(PaymentKind.SALE, MERCHANT, "req-" + newId(), null, null, createdAt);
    }

    static TransactionRecord created(PaymentKind kind, String merchant, String requestReference, String reference,
            String original, Instant createdAt) {
        return new TransactionRecord(newId(), merchant, TERMINAL, "P3", requestReference, kind,
                Money.ofMinor(1250, "EUR"), reference, original, "Order 42", false, false, TransactionState.CREATED,
                null, createdAt, createdAt);
    }

    static TransactionOutcome approval() {
        return TransactionOutcome.builder(TransactionResult.APPROVED)
                .reason("ONLINE")
                .approvedAmount(Money.ofMinor(1000, "EUR"))
                .card(new MaskedPan("516815******9659"), CardScheme.MASTERCARD, EntryMode.CONTACTLESS)
                .verification(CardholderVerification.PIN)
                .authorisationCode("A1B2C3")
                .references("T-0001", "ACQ-77")
                .receipts(List.of("MY SHOP", "", "  CARD: ************9659", "tab\there = back\\slash", "line\nbreak"),
                        List.of("CUSTOMER COPY"))
                .rawResultCodes(Map.of("AE", "01", "AF", "04", "K=Y", "a\nb\\c"))
                .build();
    }
}
