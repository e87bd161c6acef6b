package io.tillgate.nexo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.service.TransactionLookup;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The nexo driver against the nexo terminal emulator over loopback, in light and full integration,
 * for every cents scenario of the shared simulated card flow (docs/protocols/nexo.md §9) and the flows around it.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DriverEmulatorEndToEndTest {

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void approvedWithReceipts(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TerminalRequest sale = NexoRig.sale("120.50");
            RecordingListener listener = rig.run(sale, new RecordingListener());
            TransactionOutcome outcome = listener.await();

            assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMinor(12050, "SEK"));
            assertThat(outcome.maskedPan()).isNotNull();
            assertThat(outcome.maskedPan().value()).matches("[0-9]{6}\\*+[0-9]{4}");
            assertThat(outcome.authorisationCode()).isNotBlank();
            assertThat(outcome.verification()).isEqualTo(CardholderVerification.PIN);
            assertThat(outcome.rawResultCodes()).containsEntry("Result", "Success");
            assertThat(outcome.merchantReceipt()).contains("MERCHANT COPY", "APPROVED")
                    .anyMatch(line -> line.contains(outcome.maskedPan().value()));
            assertThat(outcome.customerReceipt()).contains("CUSTOMER COPY")
                    .noneMatch(line -> line.contains(outcome.maskedPan().value()))
                    .anyMatch(line -> line.endsWith(outcome.maskedPan().lastFour()));
            TransactionRecord atEmulator = emulatorRecord(rig, sale);
            assertThat(outcome.terminalReference()).isEqualTo(atEmulator.id());
            assertThat(atEmulator.state()).isEqualTo(TransactionState.APPROVED);
            if (mode == NexoIntegration.FULL) {
                assertThat(listener.statuses).extracting(s -> s.phase())
                        .contains(TerminalPhase.WAITING_FOR_CARD, TerminalPhase.WAITING_FOR_PIN,
                                TerminalPhase.PROCESSING);
                assertThat(listener.firstLines()).contains("Present card", "Enter PIN");
                assertThat(listener.events).isNotEmpty();
            }
            assertThat(listener.calledAfterOutcome()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void declinedByTheIssuer(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TransactionOutcome outcome = rig.run(NexoRig.sale("10.91"), new RecordingListener()).await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.DECLINED);
            assertThat(outcome.reason()).isEqualTo("ISSUER_DECLINED");
            assertThat(outcome.rawResultCodes()).containsEntry("ErrorCondition", "Refusal");
            assertThat(outcome.approvedAmount()).isNull();
        }
    }

    @Test
    void signatureConfirmedThroughThePosListenerInFullIntegration() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            TerminalRequest sale = NexoRig.sale("10.92");
            RecordingListener listener = new RecordingListener(action -> rig.terminal.answer(sale.transactionId(),
                    new ActionAnswer.Confirmation(true)));
            TransactionOutcome outcome = rig.run(sale, listener).await();
            assertThat(listener.actions).singleElement().satisfies(action -> {
                assertThat(action.type()).isEqualTo(TerminalAction.Type.CONFIRMATION);
                assertThat(action.prompt()).isEqualTo("Is signature OK?");
            });
            assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(outcome.verification()).isEqualTo(CardholderVerification.SIGNATURE);
            assertThat(outcome.merchantReceipt()).anyMatch(line -> line.startsWith("Signature:"));
        }
    }

    @Test
    void signatureRefusedThroughThePosListenerFails() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            TerminalRequest sale = NexoRig.sale("11.92");
            RecordingListener listener = new RecordingListener(action -> rig.terminal.answer(sale.transactionId(),
                    new ActionAnswer.Confirmation(false)));
            TransactionOutcome outcome = rig.run(sale, listener).await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.DECLINED);
            assertThat(outcome.rawResultCodes()).containsEntry("AdditionalResponse", "signature refused");
        }
    }

    @Test
    void signatureInLightIntegrationIsASignatureBlockOnTheReceipt() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            RecordingListener listener = rig.run(NexoRig.sale("10.92"), new RecordingListener());
            TransactionOutcome outcome = listener.await();
            assertThat(listener.actions).isEmpty();
            assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(outcome.verification()).isEqualTo(CardholderVerification.SIGNATURE);
            assertThat(outcome.merchantReceipt()).anyMatch(line -> line.startsWith("Signature:"));
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void slowCardIsAbortedOnASecondConnection(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TerminalRequest sale = NexoRig.sale("10.93");
            RecordingListener listener = rig.run(sale, new RecordingListener());
            awaitEmulatorState(rig, sale, TransactionState.IN_PROGRESS);
            rig.terminal.abort(sale.transactionId());
            TransactionOutcome outcome = listener.await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.ABORTED);
            assertThat(outcome.reason()).isEqualTo("MERCHANT_ABORTED");
            assertThat(outcome.rawResultCodes()).containsEntry("ErrorCondition", "Aborted");
        }
    }

    @Test
    void slowCardWithoutAbortIsApproved() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            RecordingListener listener = rig.run(NexoRig.sale("10.93"), new RecordingListener());
            assertThat(listener.await().result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(listener.statuses).anyMatch(s -> s.phase() == TerminalPhase.WAITING_FOR_CARD && s.abortable());
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void customerCancelsOnTheTerminal(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TransactionOutcome outcome = rig.run(NexoRig.sale("10.94"), new RecordingListener()).await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.ABORTED);
            assertThat(outcome.reason()).isEqualTo("SHOPPER_ABORTED");
            assertThat(outcome.rawResultCodes()).containsEntry("ErrorCondition", "Cancel");
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void noPaymentResponseIsUnknownWhenTransactionStatusCannotTell(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            RecordingListener listener = rig.run(NexoRig.sale("10.95"), new RecordingListener());
            TransactionOutcome outcome = listener.await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
            assertThat(outcome.reason()).isEqualTo("NO_ANSWER");
            assertThat(listener.firstLines()).contains("Recovering result");
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void droppedPaymentConnectionIsRecoveredWithTransactionStatus(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TerminalRequest sale = NexoRig.sale("10.96");
            RecordingListener listener = rig.run(sale, new RecordingListener());
            TransactionOutcome outcome = listener.await();
            assertThat(listener.firstLines()).contains("Recovering result");
            assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMinor(1096, "SEK"));
            assertThat(outcome.terminalReference()).isEqualTo(emulatorRecord(rig, sale).id());
            assertThat(outcome.merchantReceipt()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void partialApprovalOfHalfTheAmount(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TransactionOutcome outcome = rig.run(NexoRig.sale("20.97"), new RecordingListener()).await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(outcome.reason()).isEqualTo("PARTIAL_APPROVAL");
            assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMinor(1048, "SEK"));
            assertThat(outcome.rawResultCodes()).containsEntry("Result", "Partial");
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void cardReadErrorThenApproved(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            RecordingListener listener = rig.run(NexoRig.sale("10.98"), new RecordingListener());
            assertThat(listener.await().result()).isEqualTo(TransactionResult.APPROVED);
            if (mode == NexoIntegration.FULL) {
                assertThat(listener.firstLines()).contains("Card read error", "Present card again");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void terminalError(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TransactionOutcome outcome = rig.run(NexoRig.sale("10.99"), new RecordingListener()).await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.FAILED);
            assertThat(outcome.reason()).isEqualTo("TERMINAL_ERROR");
            assertThat(outcome.rawResultCodes()).containsEntry("ErrorCondition", "DeviceOut");
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void refundOfAnApprovedSale(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TerminalRequest sale = NexoRig.sale("30.00");
            TransactionOutcome approved = rig.run(sale, new RecordingListener()).await();
            TerminalRequest refund = NexoRig.linked(PaymentKind.REFUND, sale, approved, Money.ofMinor(1000, "SEK"));
            TransactionOutcome refunded = rig.run(refund, new RecordingListener()).await();
            assertThat(refunded.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(refunded.approvedAmount()).isEqualTo(Money.ofMinor(1000, "SEK"));
            assertThat(refunded.merchantReceipt()).contains("REFUND: 10,00 SEK");
            TransactionRecord atEmulator = emulatorRecord(rig, refund);
            assertThat(atEmulator.kind()).isEqualTo(PaymentKind.REFUND);
            assertThat(atEmulator.originalTransactionId()).isEqualTo(approved.terminalReference());
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void reversalOfTheLastTransaction(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            TerminalRequest sale = NexoRig.sale("40.00");
            TransactionOutcome approved = rig.run(sale, new RecordingListener()).await();
            TerminalRequest reversal = NexoRig.linked(PaymentKind.REVERSAL, sale, approved, null);
            reversal = new TerminalRequest(reversal.transactionId(), new io.tillgate.core.payment.PaymentCommand(
                    PaymentKind.REVERSAL, Money.ofMinor(4000, "SEK"), null, sale.transactionId(), null),
                    reversal.original());
            TransactionOutcome reversed = rig.run(reversal, new RecordingListener()).await();
            assertThat(reversed.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(reversed.merchantReceipt()).contains("REVERSAL: 40,00 SEK");
            assertThat(emulatorRecord(rig, reversal).kind()).isEqualTo(PaymentKind.REVERSAL);

            // Only the very last successful transaction can be reversed: not the same one twice.
            TerminalRequest again = new TerminalRequest(NexoRig.newId(), reversal.command(), reversal.original());
            TransactionOutcome refused = rig.run(again, new RecordingListener()).await();
            assertThat(refused.result()).isEqualTo(TransactionResult.FAILED);
            assertThat(refused.rawResultCodes()).containsEntry("ErrorCondition", "NotAllowed");
        }
    }

    @ParameterizedTest
    @EnumSource(NexoIntegration.class)
    void logsInAgainAfterTheTerminalRestarts(NexoIntegration mode) throws Exception {
        try (NexoRig rig = new NexoRig(mode)) {
            assertThat(rig.run(NexoRig.sale("5.00"), new RecordingListener()).await().result())
                    .isEqualTo(TransactionResult.APPROVED);
            rig.restartTerminal();
            TerminalRequest after = NexoRig.sale("6.00");
            TransactionOutcome outcome = rig.run(after, new RecordingListener()).await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(emulatorRecord(rig, after).state()).isEqualTo(TransactionState.APPROVED);
        }
    }

    /**
     * The POS's reference reaches the terminal as the SaleTransactionID, unchanged, and is never
     * taken for the identity of a payment: two payments under one reference are two payments, and a
     * restarted gateway, which no longer knows the ServiceID it sent, recognises only its own
     * payment in the answer the terminal repeats.
     */
    @Test
    void aRepeatedPosReferenceIsSentAsItIsAndNeverTakenForAnotherPayment() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            TerminalRequest first = NexoRig.sale("7.00", "ORDER-9");
            TerminalRequest second = NexoRig.sale("8.00", "ORDER-9");
            TransactionOutcome firstOutcome = rig.run(first, new RecordingListener()).await();
            TransactionOutcome secondOutcome = rig.run(second, new RecordingListener()).await();

            assertThat(List.of(firstOutcome.result(), secondOutcome.result())).containsOnly(TransactionResult.APPROVED);
            assertThat(rig.emulatorStore.findByReference(NexoRig.MERCHANT, "ORDER-9", Instant.EPOCH))
                    .extracting(TransactionRecord::id)
                    .containsExactly(secondOutcome.terminalReference(), firstOutcome.terminalReference());

            NexoTerminal restarted = rig.restartedDriver();
            try {
                assertThat(restarted.recover(record(second, secondOutcome)).get(10, TimeUnit.SECONDS))
                        .hasValueSatisfying(found -> assertThat(found.terminalReference())
                                .isEqualTo(secondOutcome.terminalReference()));
                assertThat(restarted.recover(record(first, firstOutcome)).get(10, TimeUnit.SECONDS))
                        .as("the terminal's last answer carries the same reference but is the other payment")
                        .isEmpty();
            } finally {
                restarted.close();
            }
        }
    }

    /** The gateway's journal row of a payment the driver ran, as recovery after a restart reads it. */
    private static TransactionRecord record(TerminalRequest request, TransactionOutcome outcome) {
        Instant now = Instant.now();
        return new TransactionRecord(request.transactionId(), NexoRig.MERCHANT, "nexo1", "P3", null, PaymentKind.SALE,
                request.command().amount(), request.command().reference(), null, null, false, false,
                TransactionState.SENT, null, now, now);
    }

    @Test
    void recoverAsksTransactionStatusForAnEarlierTransaction() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            TerminalRequest sale = NexoRig.sale("7.00");
            TransactionOutcome approved = rig.run(sale, new RecordingListener()).await();
            TransactionRecord record = NexoRig.linked(PaymentKind.REFUND, sale, approved, null).original();
            assertThat(rig.terminal.recover(record).get(10, TimeUnit.SECONDS)).hasValueSatisfying(found -> {
                assertThat(found.result()).isEqualTo(TransactionResult.APPROVED);
                assertThat(found.terminalReference()).isEqualTo(approved.terminalReference());
            });
            assertThat(rig.terminal.capabilities().recovery()).isTrue();
        }
    }

    @Test
    void unreachableTerminalFailsWithoutRecovery() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            NexoTerminal nowhere = new NexoTerminal(NexoTerminalConfig.defaults("nexo2", "127.0.0.1", 1), rig.group,
                    DefaultAddressResolverGroup.INSTANCE);
            TransactionOutcome outcome = runOn(nowhere, NexoRig.sale("1.00")).await();
            assertThat(outcome.result()).isEqualTo(TransactionResult.FAILED);
            assertThat(outcome.reason()).isEqualTo("LOGIN_FAILED");
        }
    }

    private static RecordingListener runOn(NexoTerminal terminal, TerminalRequest request) {
        RecordingListener listener = new RecordingListener();
        terminal.execute(request, listener);
        return listener;
    }

    /** The emulator's own record of a transaction, found by the SaleTransactionID (the driver's id). */
    private static TransactionRecord emulatorRecord(NexoRig rig, TerminalRequest request) throws Exception {
        return rig.payments.find(NexoRig.MERCHANT, new TransactionLookup.ByReference(request.transactionId()))
                .get(5, TimeUnit.SECONDS).orElseThrow();
    }

    /** Waits, by polling the emulator's gateway, until the transaction has reached {@code state}. */
    private static void awaitEmulatorState(NexoRig rig, TerminalRequest request, TransactionState state)
            throws Exception {
        AtomicReference<TransactionState> seen = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            rig.payments.find(NexoRig.MERCHANT, new TransactionLookup.ByReference(request.transactionId()))
                    .get(5, TimeUnit.SECONDS).ifPresent(r -> seen.set(r.state()));
            if (seen.get() == state) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("transaction never reached " + state + ", last seen " + seen.get());
    }
}
