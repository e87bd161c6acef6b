package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Transaction;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One running charge, refund or capture: its tag, its outcome, and what the POS may do while it
 * runs — abort it, answer a signature request — without passing device and transaction identifiers
 * around.
 *
 * <pre>{@code
 * TransactionHandle payment = client.charge(ChargeRequest.of("sim-1", Money.ofMajor("12.00", "EUR")), listener);
 * store(payment.tag());                      // before anything else: recovers it after a crash
 * cancelButton.onClick(payment::abort);      // offer it while the last update said abortable
 * TransactionResult result = payment.await(Duration.ofMinutes(5));
 * }</pre>
 */
public final class TransactionHandle {

    private final PayClient client;
    private final String operation;
    private final String tag;
    private final String deviceIdentifier;
    private final CompletableFuture<TransactionResult> outcome = new CompletableFuture<>();
    private volatile String transactionIdentifier;

    TransactionHandle(PayClient client, String operation, String tag, String deviceIdentifier) {
        this.client = client;
        this.operation = operation;
        this.tag = tag;
        this.deviceIdentifier = deviceIdentifier;
    }

    /** The request tag, by which a Tillgate server answers {@link QueryKey#byTag} at any time later. */
    public String tag() {
        return tag;
    }

    /** The device a charge runs on; empty for a refund or capture, which need no card. */
    public Optional<String> deviceIdentifier() {
        return Optional.ofNullable(deviceIdentifier);
    }

    /** The server's identifier of the transaction once an update or the outcome has named it. */
    public Optional<String> transactionIdentifier() {
        return Optional.ofNullable(transactionIdentifier);
    }

    /**
     * Completes with the final transaction, whatever its status, on the client's callback executor.
     * Fails with {@link P3ErrorException} when the server refused or failed it (the failed
     * transaction, if any, in {@link P3ErrorException#transaction()}),
     * {@link TransactionNotStartedException} (safe to retry) or
     * {@link TransactionOutcomeUnknownException} (query it later by {@link #tag()}).
     */
    public CompletableFuture<TransactionResult> outcome() {
        return outcome;
    }

    /**
     * Waits for {@link #outcome()}.
     *
     * @throws RequestTimeoutException when it has not come within {@code timeout}; the transaction
     *     goes on and can be looked up by {@link #tag()}
     * @throws PayClientException the failure of the outcome
     */
    public TransactionResult await(Duration timeout) {
        return client.await(outcome, operation + " " + tag, timeout, true);
    }

    /**
     * Asks the device to abort this charge. Completing means only "abort requested"; the outcome
     * still comes through {@link #outcome()} and may be APPROVED if the abort came too late. Fails
     * with {@link P3ErrorException} {@link ErrorType#TRANSACTION_NO_LONGER_ABORTABLE} after an update
     * that said it was not abortable any more.
     */
    public CompletableFuture<Void> abort() {
        return unlessEnded("abort").orElseGet(() -> client.abort(deviceIdentifier, transactionIdentifier));
    }

    /** Answers a {@link TransactionAction#CUSTOMER_SIGNATURE} request with the customer's signature as a PNG. */
    public CompletableFuture<Void> submitSignature(byte[] png) {
        Objects.requireNonNull(png, "png");
        if (png.length == 0) {
            throw new IllegalArgumentException("signature image is empty");
        }
        return unlessEnded("submit a signature to").orElseGet(() -> client.submitSignature(deviceIdentifier, png));
    }

    /** Answers a {@link TransactionAction#CUSTOMER_SIGNATURE} request with "the customer signs the printed receipt". */
    public CompletableFuture<Void> signOnReceipt() {
        return unlessEnded("submit a signature to").orElseGet(() -> client.signOnReceipt(deviceIdentifier));
    }

    /** The transaction as an update, an action or a recovery query last showed it. */
    void observe(P3Transaction transaction) {
        if (transaction != null && transaction.identifier() != null) {
            transactionIdentifier = transaction.identifier();
        }
    }

    /** Completes {@link #outcome()} from the client's internal future, on the callback executor. */
    void follow(CompletableFuture<P3Transaction> internal, CallbackExecutor callbacks) {
        internal.whenComplete((transaction, error) -> callbacks.execute(() -> {
            if (error != null) {
                outcome.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                observe(transaction);
                outcome.complete(new TransactionResult(transaction));
            }
        }));
    }

    private Optional<CompletableFuture<Void>> unlessEnded(String what) {
        if (deviceIdentifier == null) {
            return Optional.of(CompletableFuture.failedFuture(new PayClientException("cannot " + what + " "
                    + operation + " " + tag + ": it runs on no device")));
        }
        if (outcome.isDone()) {
            return Optional.of(CompletableFuture.failedFuture(new PayClientException("cannot " + what + " "
                    + operation + " " + tag + ": it has ended")));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return operation + " " + tag;
    }
}
