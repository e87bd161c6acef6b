package io.tillgate.core.simulated;

import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The built-in terminal: runs the shared simulated card flow (docs/protocols/README.md) chosen by the
 * cents of the amount, deterministically, on a scheduler so nothing blocks the caller.
 */
public final class SimulatedTerminal implements Terminal {

    private final String id;
    private final SimulatedTiming timing;
    private final ScheduledExecutorService scheduler;
    private final boolean partialApproval;
    private final SimulatedCard card;
    /**
     * The flow in progress. PaymentService runs one transaction per terminal, so one slot is enough,
     * and a flow that never ends (cents 95) is simply replaced by the next one.
     */
    private final AtomicReference<SimulatedFlow> current = new AtomicReference<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param id the terminal id
     * @param timing how fast the flow runs
     * @param scheduler runs the flow's steps; shared by many terminals, owned by the caller
     * @param partialApproval whether cents 97 approves half the amount (for protocols that can say so)
     */
    public SimulatedTerminal(String id, SimulatedTiming timing, ScheduledExecutorService scheduler,
            boolean partialApproval) {
        this(id, timing, scheduler, partialApproval, null);
    }

    private SimulatedTerminal(String id, SimulatedTiming timing, ScheduledExecutorService scheduler,
            boolean partialApproval, SimulatedCard card) {
        this.id = Objects.requireNonNull(id, "id");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.partialApproval = partialApproval;
        this.card = card;
    }

    /**
     * The same terminal, with every customer presenting this card: how a test proves that a full
     * PAN entering at the terminal is masked everywhere the gateway keeps or prints it. The number
     * is masked at once and not kept.
     */
    public SimulatedTerminal presenting(String fullPan, CardScheme scheme) {
        return new SimulatedTerminal(id, timing, scheduler, partialApproval, SimulatedCard.forPan(fullPan, scheme));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public TerminalCapabilities capabilities() {
        return new TerminalCapabilities(true, false, true, true, true);
    }

    @Override
    public void execute(TerminalRequest request, TerminalListener listener) {
        // The gateway id keeps references unique across restarts; the sequence keeps them readable.
        String terminalReference = id + "-" + ZeroPadded.decimal(sequence.incrementAndGet(), 6) + "-"
                + request.transactionId().substring(24);
        SimulatedFlow flow = new SimulatedFlow(request, new ForgettingListener(request.transactionId(), listener),
                timing, scheduler, partialApproval, terminalReference,
                card != null ? card : SimulatedCard.forAmount(request.command().amount()));
        current.set(flow);
        flow.start();
    }

    /** The simulated terminal lives in the gateway: it is always there. */
    @Override
    public CompletableFuture<Void> probe() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void abort(String transactionId) {
        SimulatedFlow flow = flow(transactionId);
        if (flow != null) {
            flow.abort();
        }
    }

    @Override
    public void answer(String transactionId, ActionAnswer answer) {
        SimulatedFlow flow = flow(transactionId);
        if (flow != null) {
            flow.answer(answer);
        }
    }

    private SimulatedFlow flow(String transactionId) {
        SimulatedFlow flow = current.get();
        return flow != null && flow.transactionId().equals(transactionId) ? flow : null;
    }

    /** Drops the flow once it has ended so the terminal holds no reference to finished work. */
    private final class ForgettingListener implements TerminalListener {
        private final String transactionId;
        private final TerminalListener delegate;

        ForgettingListener(String transactionId, TerminalListener delegate) {
            this.transactionId = transactionId;
            this.delegate = delegate;
        }

        @Override
        public void onStatus(io.tillgate.core.terminal.TerminalStatus status) {
            delegate.onStatus(status);
        }

        @Override
        public void onAction(io.tillgate.core.terminal.TerminalAction action) {
            delegate.onAction(action);
        }

        @Override
        public void onEvent(io.tillgate.core.terminal.TerminalEvent event) {
            delegate.onEvent(event);
        }

        @Override
        public void onOutcome(io.tillgate.core.payment.TransactionOutcome outcome) {
            current.getAndUpdate(flow -> flow != null && flow.transactionId().equals(transactionId) ? null : flow);
            delegate.onOutcome(outcome);
        }
    }
}
