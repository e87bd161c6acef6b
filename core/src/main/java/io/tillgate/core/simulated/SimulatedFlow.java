package io.tillgate.core.simulated;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated transaction: a queue of timed steps. A step may pause the flow for the POS's answer;
 * an abort while abortable (or while an answer is pending) ends it as ABORTED.
 */
final class SimulatedFlow {

    /** Contactless below this many minor units, chip and PIN from here on. */
    private static final long CONTACTLESS_LIMIT = 5000;

    private record Step(Duration delay, Runnable action) {
    }

    private final TerminalRequest request;
    private final TerminalListener listener;
    private final SimulatedTiming timing;
    private final ScheduledExecutorService scheduler;
    private final boolean partialApproval;
    private final String terminalReference;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final SimulatedScenario scenario;
    private final SimulatedCard card;
    private final String amountLine;

    private ScheduledFuture<?> next;
    private boolean abortable;
    private boolean awaitingAnswer;
    private boolean done;

    SimulatedFlow(TerminalRequest request, TerminalListener listener, SimulatedTiming timing,
            ScheduledExecutorService scheduler, boolean partialApproval, String terminalReference,
            SimulatedCard card) {
        this.request = request;
        this.listener = listener;
        this.timing = timing;
        this.scheduler = scheduler;
        this.partialApproval = partialApproval;
        this.terminalReference = terminalReference;
        Money amount = request.command().amount();
        this.scenario = SimulatedScenario.of(amount);
        this.card = card;
        this.amountLine = amount.toString();
    }

    String transactionId() {
        return request.transactionId();
    }

    synchronized void start() {
        if (request.command().kind() == PaymentKind.SALE || request.command().kind() == PaymentKind.PREAUTH) {
            planCardPayment();
        } else {
            planHostOnly();
        }
        advance();
    }

    synchronized void abort() {
        if (done || !(abortable || awaitingAnswer)) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        steps.clear();
        finish(TransactionOutcome.of(TransactionResult.ABORTED, "MERCHANT_ABORTED"));
    }

    synchronized void answer(ActionAnswer answer) {
        if (done || !awaitingAnswer) {
            return;
        }
        awaitingAnswer = false;
        advance();
    }

    private void planCardPayment() {
        boolean chip = request.command().amount().minorUnits() >= CONTACTLESS_LIMIT
                || scenario == SimulatedScenario.SIGNATURE || scenario == SimulatedScenario.CARD_READ_ERROR;
        boolean pin = chip && scenario != SimulatedScenario.SIGNATURE;

        step(timing.step(), () -> status(TerminalPhase.CONNECTING, "Connecting", amountLine, true));
        step(timing.step(), () -> status(TerminalPhase.INITIALIZING, "Initializing", amountLine, true));
        step(timing.step(), () -> status(TerminalPhase.WAITING_FOR_CARD, "Present card", amountLine, true));
        if (scenario == SimulatedScenario.CUSTOMER_CANCELS) {
            step(timing.customer(), () -> finish(TransactionOutcome.of(TransactionResult.ABORTED, "SHOPPER_ABORTED")));
            return;
        }
        if (scenario == SimulatedScenario.CARD_READ_ERROR) {
            step(timing.customer(), () -> {
                listener.onEvent(new TerminalEvent(TerminalEvent.Type.CARD_READ_ERROR, "chip could not be read"));
                status(TerminalPhase.READING_CARD, "Card read error", "Please try again", true);
            });
            step(timing.customer(), () -> status(TerminalPhase.WAITING_FOR_CARD, "Present card again", amountLine, true));
        }
        Duration cardWait = scenario == SimulatedScenario.SLOW_CARD ? timing.slowCard() : timing.customer();
        step(cardWait, () -> {
            if (chip) {
                listener.onEvent(new TerminalEvent(TerminalEvent.Type.CARD_INSERTED, card.scheme().name()));
            }
            status(TerminalPhase.READING_CARD, "Reading card", "", false);
        });
        if (pin) {
            step(timing.step(), () -> status(TerminalPhase.WAITING_FOR_PIN, "Enter PIN", amountLine, false));
        }
        step(pin ? timing.customer() : timing.step(),
                () -> status(TerminalPhase.PROCESSING, "Processing", "Please wait", false));
        switch (scenario) {
            case NO_ANSWER -> {
                // The host never answers: the gateway's timeout has to end this transaction.
            }
            case TERMINAL_ERROR -> step(timing.step(),
                    () -> finish(TransactionOutcome.of(TransactionResult.FAILED, "TERMINAL_ERROR")));
            case DECLINED -> {
                removeCard(chip, "Declined");
                step(Duration.ZERO, () -> finish(card(TransactionOutcome.builder(TransactionResult.DECLINED), chip, pin)
                        .reason("ISSUER_DECLINED").rawResultCodes(java.util.Map.of("responseCode", "05")).build()));
            }
            default -> planApproval(chip, pin);
        }
    }

    private void planApproval(boolean chip, boolean pin) {
        if (scenario == SimulatedScenario.SIGNATURE) {
            step(timing.step(), () -> {
                listener.onAction(new TerminalAction(TerminalAction.Type.SIGNATURE, "Customer signature required"));
                awaitingAnswer = true;
            });
            step(timing.step(), () -> status(TerminalPhase.PROCESSING, "Signature received", "", false));
        }
        removeCard(chip, "Approved");
        if (scenario == SimulatedScenario.POS_CONNECTION_DROPS) {
            step(Duration.ZERO, () -> listener.onEvent(
                    new TerminalEvent(TerminalEvent.Type.DROP_POS_CONNECTION, "simulated: POS link lost")));
        }
        Money requested = request.command().amount();
        Money approved = scenario == SimulatedScenario.PARTIAL_APPROVAL && partialApproval ? requested.half() : requested;
        step(Duration.ZERO, () -> finish(card(TransactionOutcome.builder(TransactionResult.APPROVED), chip, pin)
                .approvedAmount(approved)
                .reason(approved.equals(requested) ? null : "PARTIAL_APPROVAL")
                .authorisationCode(authorisationCode())
                .build()));
    }

    private void planHostOnly() {
        String what = request.command().kind().name().toLowerCase(Locale.ROOT);
        step(timing.step(), () -> status(TerminalPhase.PROCESSING, "Processing " + what, amountLine, false));
        step(timing.step(), () -> {
            TransactionOutcome.Builder outcome = TransactionOutcome.builder(TransactionResult.APPROVED)
                    .approvedAmount(request.command().amount())
                    .authorisationCode(authorisationCode())
                    .references(terminalReference, null)
                    .verification(CardholderVerification.NONE);
            TransactionOutcome original = request.original() == null ? null : request.original().outcome();
            if (original != null) {
                outcome.card(original.maskedPan(), original.scheme(), original.entryMode());
            }
            finish(outcome.build());
        });
    }

    private void removeCard(boolean chip, String result) {
        if (chip) {
            step(timing.step(), () -> status(TerminalPhase.WAITING_FOR_CARD_REMOVAL, result, "Remove card", false));
            step(timing.step(), () -> listener.onEvent(new TerminalEvent(TerminalEvent.Type.CARD_REMOVED, "")));
        }
    }

    private TransactionOutcome.Builder card(TransactionOutcome.Builder outcome, boolean chip, boolean pin) {
        CardholderVerification verification = scenario == SimulatedScenario.SIGNATURE ? CardholderVerification.SIGNATURE
                : pin ? CardholderVerification.PIN : CardholderVerification.NONE;
        return outcome.card(card.maskedPan(), card.scheme(), chip ? EntryMode.CHIP : EntryMode.CONTACTLESS)
                .verification(verification)
                .references(terminalReference, null);
    }

    private String authorisationCode() {
        return ZeroPadded.hex(request.transactionId().hashCode() & 0xFFFFFF, 6);
    }

    private void step(Duration delay, Runnable action) {
        steps.add(new Step(delay, action));
    }

    private void advance() {
        Step step = steps.poll();
        if (step == null || done) {
            return;
        }
        next = scheduler.schedule(() -> run(step), step.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void run(Step step) {
        if (done) {
            return;
        }
        step.action().run();
        if (!awaitingAnswer) {
            advance();
        }
    }

    private void status(TerminalPhase phase, String line1, String line2, boolean canAbort) {
        abortable = canAbort;
        listener.onStatus(TerminalStatus.of(phase, line1, line2, canAbort));
    }

    private void finish(TransactionOutcome outcome) {
        done = true;
        listener.onOutcome(outcome);
    }
}
