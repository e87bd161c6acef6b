package io.tillgate.p3.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Transaction;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every status, action and error type docs/protocols/p3.md §3.4, §5.3 and §5.5 document maps to its
 * enum constant, whatever its case; anything else maps to UNRECOGNISED and keeps its raw value.
 */
class ClientEnumsTest {

    /** §5.3: what Tillgate sends, then the SDK's other names. */
    private static final Map<String, TransactionStatus> STATUSES = Map.of(
            "PENDING", TransactionStatus.PENDING,
            "APPROVED", TransactionStatus.APPROVED,
            "DECLINED", TransactionStatus.DECLINED,
            "ABORTED", TransactionStatus.ABORTED,
            "ERROR", TransactionStatus.ERROR,
            "INCONCLUSIVE", TransactionStatus.INCONCLUSIVE,
            "UNKNOWN", TransactionStatus.UNKNOWN,
            "INITIALIZED", TransactionStatus.INITIALIZED,
            "ACCEPTED", TransactionStatus.ACCEPTED);

    @Test
    void everyDocumentedStatusMapsToItsConstantInAnyCase() {
        STATUSES.forEach((wire, status) -> {
            assertThat(TransactionStatus.of(wire)).isEqualTo(status);
            assertThat(TransactionStatus.of(wire.toLowerCase())).isEqualTo(status);
        });
        assertThat(STATUSES.values()).containsExactlyInAnyOrder(Arrays.stream(TransactionStatus.values())
                .filter(s -> s != TransactionStatus.UNRECOGNISED).toArray(TransactionStatus[]::new));
    }

    @Test
    void onlyOutcomesAreFinal() {
        assertThat(Arrays.stream(TransactionStatus.values()).filter(TransactionStatus::isFinal))
                .containsExactlyInAnyOrder(TransactionStatus.APPROVED, TransactionStatus.DECLINED,
                        TransactionStatus.ABORTED, TransactionStatus.ERROR, TransactionStatus.INCONCLUSIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SETTLED", "", "APPROVED "})
    void anUnknownStatusIsUnrecognisedAndKeptRaw(String wire) {
        TransactionResult result = new TransactionResult(P3Transaction.builder().identifier("t").status(wire).build());

        assertThat(result.status()).isEqualTo(TransactionStatus.UNRECOGNISED);
        assertThat(result.rawStatus()).isEqualTo(wire);
        assertThat(result.isApproved()).isFalse();
        assertThat(result.status().isFinal()).isFalse();
    }

    @Test
    void aMissingStatusIsUnrecognised() {
        assertThat(TransactionStatus.of((String) null)).isEqualTo(TransactionStatus.UNRECOGNISED);
        assertThat(TransactionStatus.of((P3Transaction) null)).isEqualTo(TransactionStatus.UNRECOGNISED);
    }

    @Test
    void everyDocumentedActionMapsToItsConstant() {
        assertThat(TransactionAction.of("CUSTOMER_SIGNATURE")).isEqualTo(TransactionAction.CUSTOMER_SIGNATURE);
        assertThat(TransactionAction.of("SIGNATURE")).isEqualTo(TransactionAction.CUSTOMER_SIGNATURE);
        assertThat(TransactionAction.of("customer_signature")).isEqualTo(TransactionAction.CUSTOMER_SIGNATURE);
        assertThat(TransactionAction.of("CUSTOMER_IDENTIFICATION"))
                .isEqualTo(TransactionAction.CUSTOMER_IDENTIFICATION);
        assertThat(TransactionAction.of("APPLICATION_SELECTION")).isEqualTo(TransactionAction.APPLICATION_SELECTION);
        assertThat(TransactionAction.of("CREDIT_DEBIT_SELECTION")).isEqualTo(TransactionAction.CREDIT_DEBIT_SELECTION);
    }

    @Test
    void anUnknownActionIsUnrecognisedAndKeptRaw() {
        ActionRequest request = new ActionRequest(new TransactionHandle(null, "charge", "t", "sim-1"),
                "SCAN_LOYALTY_CARD", null);

        assertThat(request.action()).isEqualTo(TransactionAction.UNRECOGNISED);
        assertThat(request.rawAction()).isEqualTo("SCAN_LOYALTY_CARD");
        assertThat(TransactionAction.of(null)).isEqualTo(TransactionAction.UNRECOGNISED);
    }

    /** The nine types a Tillgate server sends (§5.5) are exactly the server's P3ErrorType. */
    @ParameterizedTest
    @EnumSource(P3ErrorType.class)
    void everyErrorTheServerSendsMapsToItsConstant(P3ErrorType sent) {
        P3ErrorException e = new P3ErrorException("charge", P3Error.of(sent, "message"), null);

        assertThat(e.type().name()).isEqualTo(sent.name());
        assertThat(e.isType(ErrorType.valueOf(sent.name()))).isTrue();
        assertThat(e.rawType()).isEqualTo(sent.code());
        assertThat(ErrorType.of(sent.code().toLowerCase())).isEqualTo(e.type());
    }

    @Test
    void theClientKnowsNoErrorTypeTheServerDoesNotSend() {
        assertThat(Arrays.stream(ErrorType.values()).filter(t -> t != ErrorType.UNRECOGNISED).map(Enum::name))
                .containsExactlyInAnyOrder(Arrays.stream(P3ErrorType.values()).map(Enum::name).toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCESSORY_BUSY", "SERVER_TIMEOUT"})
    void anUnknownErrorTypeIsUnrecognisedAndKeptRaw(String type) {
        P3ErrorException e = new P3ErrorException("charge", new P3Error(type, "busy", null), null);

        assertThat(e.type()).isEqualTo(ErrorType.UNRECOGNISED);
        assertThat(e.rawType()).isEqualTo(type);
        assertThat(e).hasMessage("charge failed: " + type + ": busy");
    }
}
