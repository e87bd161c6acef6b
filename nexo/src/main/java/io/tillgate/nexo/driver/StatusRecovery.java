package io.tillgate.nexo.driver;

import static io.tillgate.nexo.driver.Diagnostics.LOG;
import static io.tillgate.nexo.driver.Diagnostics.condition;
import static io.tillgate.nexo.driver.Diagnostics.describe;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.MessageCategory;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.RepeatedMessageResponse;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.TransactionStatusResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds out what became of a transaction whose answer never came, or that a restart interrupted,
 * with TransactionStatus (docs/protocols/nexo.md §6.4): asked again while the terminal is Busy or still on it, after
 * a new login if the session was lost, until the recovery deadline. A repeated answer counts only
 * when it is provably the transaction's, so that another sale's approval is never taken for it.
 */
final class StatusRecovery {

    private final NexoTerminalConfig config;
    private final NexoLink link;
    private final NexoRequests requests;
    private final NexoSession session;
    private final TransactionMemory memory;

    StatusRecovery(NexoTerminalConfig config, NexoLink link, NexoRequests requests, NexoSession session,
            TransactionMemory memory) {
        this.config = config;
        this.link = link;
        this.requests = requests;
        this.session = session;
        this.memory = memory;
    }

    /** The outcome of a journal's transaction after a restart; empty when the terminal cannot tell. */
    CompletableFuture<Optional<TransactionOutcome>> recover(TransactionRecord transaction) {
        MessageHeader sent = memory.sentHeader(transaction.id());
        MessageCategory category = transaction.kind() == PaymentKind.REVERSAL ? MessageCategory.REVERSAL
                : MessageCategory.PAYMENT;
        StatusQuery query = query(category, sent == null ? null : sent.serviceId(), transaction.id(),
                transaction.reference(), transaction.amount());
        return session.ensureLoggedIn().thenCompose(v -> queryStatus(query, false)).exceptionally(failure -> {
            LOG.warn("nexo terminal {}: status of transaction {} could not be asked: {}", config.id(),
                    transaction.id(), describe(failure));
            return Optional.empty();
        });
    }

    /** A query about the request {@code serviceId}, allowed to run for the configured recovery time. */
    StatusQuery query(MessageCategory category, String serviceId, String transactionId, String reference,
            Money requested) {
        return new StatusQuery(category, serviceId, transactionId, reference, requested,
                System.nanoTime() + config.recoveryTimeout().toNanos());
    }

    CompletableFuture<Optional<TransactionOutcome>> queryStatus(StatusQuery query, boolean reloggedIn) {
        return link.exchange(requests.transactionStatus(query.category(), query.serviceId()),
                config.requestTimeout()).handle((answer, failure) -> {
                    if (failure != null) {
                        LOG.info("nexo terminal {}: TransactionStatus for {} failed ({}); retrying", config.id(),
                                query.transactionId(), describe(failure));
                        return retryStatus(query, reloggedIn);
                    }
                    return answered(query, answer.body(TransactionStatusResponse.class), reloggedIn);
                }).thenCompose(next -> next);
    }

    private CompletableFuture<Optional<TransactionOutcome>> answered(StatusQuery query,
            TransactionStatusResponse status, boolean reloggedIn) {
        Response response = status.response();
        if (response.result() != Result.FAILURE && status.repeatedMessageResponse() != null) {
            return CompletableFuture.completedFuture(repeated(query, status.repeatedMessageResponse()));
        }
        ErrorCondition condition = response.errorCondition();
        if (condition == ErrorCondition.BUSY || condition == ErrorCondition.IN_PROGRESS) {
            return retryStatus(query, reloggedIn);
        }
        if (!reloggedIn && (condition == ErrorCondition.LOGGED_OUT || condition == ErrorCondition.NOT_ALLOWED)) {
            session.loggedOut();
            return session.ensureLoggedIn().thenCompose(v -> queryStatus(query, true));
        }
        LOG.warn("nexo terminal {}: TransactionStatus for transaction {} answered {}", config.id(),
                query.transactionId(), condition(response));
        return CompletableFuture.completedFuture(Optional.<TransactionOutcome>empty());
    }

    private CompletableFuture<Optional<TransactionOutcome>> retryStatus(StatusQuery query, boolean reloggedIn) {
        if (System.nanoTime() + config.statusInterval().toNanos() > query.deadlineNanos()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return link.delay(config.statusInterval()).thenCompose(v -> queryStatus(query, reloggedIn));
    }

    /**
     * The repeated answer, if it is the transaction asked about: the answer to the ServiceID asked
     * for, carrying the SaleTransactionID the driver sent. The POS's reference alone never decides,
     * since it repeats (docs/protocols/identity.md).
     */
    private Optional<TransactionOutcome> repeated(StatusQuery query, RepeatedMessageResponse repeated) {
        String answered = repeated.messageHeader() == null ? null : repeated.messageHeader().serviceId();
        if (query.serviceId() != null && answered != null && !query.serviceId().equals(answered)) {
            LOG.warn("nexo terminal {}: TransactionStatus repeated the answer to ServiceID {}, not {} (transaction {})",
                    config.id(), answered, query.serviceId(), query.transactionId());
            return Optional.empty();
        }
        SaleData saleData = repeated.paymentResponse() != null ? repeated.paymentResponse().saleData() : null;
        if (saleData != null && saleData.saleTransactionId() != null
                && !SaleTransactions.isOf(saleData, query.transactionId(), query.reference())) {
            LOG.warn("nexo terminal {}: TransactionStatus repeated another sale ({} at {}), not transaction {}",
                    config.id(), saleData.saleTransactionId().transactionId(),
                    saleData.saleTransactionId().timeStamp(), query.transactionId());
            return Optional.empty();
        }
        if (repeated.paymentResponse() != null) {
            memory.remember(repeated.paymentResponse());
            return Optional.of(OutcomeReader.payment(repeated.paymentResponse(), query.requested()));
        }
        if (repeated.reversalResponse() != null) {
            return Optional.of(OutcomeReader.reversal(repeated.reversalResponse(), query.requested()));
        }
        return Optional.empty();
    }
}
