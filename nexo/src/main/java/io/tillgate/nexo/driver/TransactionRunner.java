package io.tillgate.nexo.driver;

import static io.tillgate.nexo.driver.Diagnostics.LOG;
import static io.tillgate.nexo.driver.Diagnostics.describe;
import static io.tillgate.nexo.driver.Diagnostics.unwrap;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionMdc;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.NexoResponseBody;
import io.tillgate.nexo.codec.PaymentResponse;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.ReversalResponse;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.internal.NexoTransportException;

/**
 * Takes a {@link PaymentRun} from the cashier's request to its one outcome (docs/protocols/nexo.md §6.2, §6.3):
 * the Payment or Reversal, Busy retried with a growing pause, one new login when the terminal lost
 * the session, an Abort when asked, and TransactionStatus when the answer is lost, so that the
 * outcome is UNKNOWN only when the terminal itself cannot tell. Each step that an answer of the
 * terminal sets off runs with the transaction's id in the log context.
 */
final class TransactionRunner {

    private final NexoTerminalConfig config;
    private final NexoLink link;
    private final NexoRequests requests;
    private final NexoSession session;
    private final TransactionMemory memory;
    private final StatusRecovery recovery;

    TransactionRunner(NexoTerminalConfig config, NexoLink link, NexoRequests requests, NexoSession session,
            TransactionMemory memory, StatusRecovery recovery) {
        this.config = config;
        this.link = link;
        this.requests = requests;
        this.session = session;
        this.memory = memory;
        this.recovery = recovery;
    }

    /** Makes {@code run} the session's transaction, logs in if need be and sends it. */
    void start(PaymentRun run) {
        session.begin(run);
        PaymentKind kind = run.request().command().kind();
        if (kind == PaymentKind.PREAUTH || kind == PaymentKind.CAPTURE) {
            finish(run, TransactionOutcome.of(TransactionResult.FAILED, "UNSUPPORTED"), kind
                    + " is not offered by nexo terminals (Normal and Refund payments only)");
            return;
        }
        if ((kind == PaymentKind.REFUND || kind == PaymentKind.REVERSAL)
                && requests.originalTransaction(run.request()) == null) {
            finish(run, TransactionOutcome.of(TransactionResult.FAILED, "UNSUPPORTED"),
                    "the original transaction has no nexo POITransactionID");
            return;
        }
        run.status(TerminalStatus.of(TerminalPhase.CONNECTING, "Connecting", config.poiId(), true));
        loggedInThen(run, () -> send(run, 0, false));
    }

    /** Asks the terminal to abort {@code run}; one not sent yet is never sent. */
    void abort(PaymentRun run) {
        run.requestAbort();
        MessageHeader target = run.header();
        if (target == null) {
            return; // Not sent yet: send() sees the request and never sends it.
        }
        String id = run.transactionId();
        link.post(requests.abort(target)).whenComplete((status, failure) -> TransactionMdc.run(id, () -> {
            if (failure != null) {
                LOG.warn("nexo terminal {}: abort of transaction {} (ServiceID {}) not delivered: {}", config.id(),
                        run.transactionId(), target.serviceId(), describe(failure));
            } else if (status != 204) {
                LOG.warn("nexo terminal {}: abort of transaction {} answered HTTP {} instead of 204", config.id(),
                        run.transactionId(), status);
            }
        }));
    }

    private void loggedInThen(PaymentRun run, Runnable next) {
        session.ensureLoggedIn().whenComplete((v, failure) -> TransactionMdc.run(run.transactionId(), () -> {
            if (failure != null) {
                finish(run, TransactionOutcome.of(TransactionResult.FAILED, "LOGIN_FAILED"),
                        "login failed: " + describe(failure));
            } else {
                next.run();
            }
        }));
    }

    private void send(PaymentRun run, int busyAttempt, boolean reloggedIn) {
        if (run.abortRequested()) {
            finish(run, TransactionOutcome.of(TransactionResult.ABORTED, "MERCHANT_ABORTED"),
                    "aborted before it was sent");
            return;
        }
        SaleToPOIRequest request = requests.transaction(run.request());
        run.sent(request.header());
        memory.sent(run.transactionId(), request.header());
        run.status(TerminalStatus.of(TerminalPhase.WAITING_FOR_CARD, "Follow the terminal",
                String.valueOf(run.request().command().amount()), true));
        String id = run.transactionId();
        link.exchange(request, config.paymentTimeout()).whenComplete((answer, failure) -> TransactionMdc.run(id, () -> {
            if (failure != null) {
                lost(run, request.header(), failure);
                return;
            }
            Response response = responseOf(answer.body());
            if (response.result() == Result.FAILURE && response.errorCondition() == ErrorCondition.BUSY
                    && busyAttempt < config.busyRetries()) {
                LOG.info("nexo terminal {}: transaction {} Busy; retry {} of {}", config.id(), run.transactionId(),
                        busyAttempt + 1, config.busyRetries());
                link.afterBusy(busyAttempt).thenRun(() -> TransactionMdc.run(id,
                        () -> send(run, busyAttempt + 1, reloggedIn)));
            } else if (response.result() == Result.FAILURE && !reloggedIn
                    && (response.errorCondition() == ErrorCondition.LOGGED_OUT
                    || response.errorCondition() == ErrorCondition.NOT_ALLOWED)) {
                LOG.info("nexo terminal {}: transaction {} refused {}; logging in again", config.id(),
                        run.transactionId(), response.errorCondition().code());
                session.loggedOut();
                loggedInThen(run, () -> send(run, busyAttempt, true));
            } else {
                settle(run, answer.body());
            }
        }));
    }

    /** The answer did not come: unless provably never delivered, ask the terminal what happened. */
    private void lost(PaymentRun run, MessageHeader sent, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NexoTransportException transport && !transport.maybeDelivered()) {
            finish(run, TransactionOutcome.of(TransactionResult.FAILED, "TERMINAL_UNREACHABLE"), cause.getMessage());
            return;
        }
        LOG.warn("nexo terminal {}: answer to transaction {} (ServiceID {}) lost ({}); asking TransactionStatus",
                config.id(), run.transactionId(), sent.serviceId(), describe(cause));
        run.status(TerminalStatus.of(TerminalPhase.PROCESSING, "Recovering result", "", false));
        StatusQuery query = recovery.query(sent.messageCategory(), sent.serviceId(), run.transactionId(),
                run.request().command().reference(), run.request().command().amount());
        String id = run.transactionId();
        recovery.queryStatus(query, false).whenComplete((found, statusFailure) -> TransactionMdc.run(id, () -> {
            if (found != null && found.isPresent()) {
                finish(run, found.get(), "recovered with TransactionStatus");
            } else {
                finish(run, TransactionOutcome.of(TransactionResult.UNKNOWN, "NO_ANSWER"),
                        "no answer and TransactionStatus could not tell");
            }
        }));
    }

    private void settle(PaymentRun run, NexoResponseBody body) {
        Money requested = run.request().command().amount();
        TransactionOutcome outcome;
        try {
            outcome = body instanceof ReversalResponse reversal ? OutcomeReader.reversal(reversal, requested)
                    : OutcomeReader.payment((PaymentResponse) body, requested);
        } catch (RuntimeException e) {
            finish(run, TransactionOutcome.of(TransactionResult.UNKNOWN, "UNREADABLE_ANSWER"), e.getMessage());
            return;
        }
        memory.remember(body);
        finish(run, outcome, null);
    }

    private void finish(PaymentRun run, TransactionOutcome outcome, String note) {
        if (!run.finish(outcome)) {
            return;
        }
        boolean maintenanceNow = session.ended(run);
        if (outcome.result() == TransactionResult.APPROVED || outcome.result() == TransactionResult.DECLINED) {
            LOG.debug("nexo terminal {}: transaction {} {}{}", config.id(), run.transactionId(), outcome.result(),
                    note == null ? "" : " (" + note + ")");
        } else {
            LOG.warn("nexo terminal {}: transaction {} {} {}{}", config.id(), run.transactionId(), outcome.result(),
                    outcome.reason(), note == null ? "" : ": " + note);
        }
        if (maintenanceNow) {
            session.maintenance();
        }
    }

    private static Response responseOf(NexoResponseBody body) {
        if (body instanceof PaymentResponse payment) {
            return payment.response();
        }
        return ((ReversalResponse) body).response();
    }
}
