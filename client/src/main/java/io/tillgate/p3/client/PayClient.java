package io.tillgate.p3.client;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.core.money.Money;
import io.tillgate.p3.codec.AbortTransactionRequest;
import io.tillgate.p3.codec.AmendTransactionRequest;
import io.tillgate.p3.codec.ExecuteTransactionRequest;
import io.tillgate.p3.codec.LoginMerchantRequest;
import io.tillgate.p3.codec.P3Body;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.QueryTransactionResponse;
import io.tillgate.p3.codec.SubmitSignatureRequest;
import io.tillgate.p3.codec.TransactionParameters;
import io.tillgate.tls.ClientTls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The POS side of P3: logs a merchant in and runs charges, refunds, captures and look-ups on a
 * Tillgate gateway (or any P3 PayServer), over {@code ws://} or {@code tcp://}, or the same over
 * TLS: {@code wss://} and {@code tls://}.
 *
 * <pre>{@code
 * try (PayClient client = PayClient.builder(URI.create("ws://localhost:8080/p3")).build()) {
 *     BlockingPayClient pos = client.blocking();
 *     pos.connect();
 *     List<P3Device> devices = pos.login("demo", secret);
 *     ChargeRequest charge = ChargeRequest.of(devices.get(0).identifier(), Money.ofMajor("12.00", "EUR"));
 *     saveBeforeSending(charge.tag());     // the key to this payment if anything goes wrong
 *     TransactionResult result = pos.charge(charge, new TransactionListener() {
 *         public void onUpdate(TransactionUpdate update) {
 *             display(update.information());           // two lines, as the terminal shows them
 *         }
 *         public void onAction(ActionRequest action) {
 *             if (action.action() == TransactionAction.CUSTOMER_SIGNATURE) {
 *                 action.signOnReceipt();
 *             } else {
 *                 action.abort();
 *             }
 *         }
 *     });
 *     if (result.isApproved()) {
 *         print(result.transaction().receipts());
 *     }
 * }
 * }</pre>
 *
 * <p><b>Asynchronous underneath.</b> Every call of this class returns at once: a
 * {@link CompletableFuture}, or a {@link TransactionHandle} for a charge, refund or capture, whose
 * {@link TransactionHandle#outcome()} completes with the final transaction whatever its status (a
 * DECLINED payment is a result, not a failure). {@link #blocking()} waits for them instead, for POS
 * code that is simpler that way. Several operations may run at once on the one connection: each
 * request has its own tag and every update, action and response is routed by it. Failures are
 * {@link PayClientException}s: {@link P3ErrorException} when the server answered ERROR (its
 * {@link ErrorType}, and the raw type as sent), {@link RequestTimeoutException},
 * {@link ConnectionFailedException}, {@link ConnectionLostException}.
 *
 * <p><b>Threads.</b> Listener methods run, and the futures this client returns complete, on its
 * callback executor: by default one daemon thread of the client's own, so a callback may block
 * (show a dialog, write a file) without stopping the network I/O. They run one at a time and in
 * order: every update of a transaction before its outcome. {@link Builder#callbackExecutor} runs
 * them on an executor of the caller's (still one at a time), {@link Builder#callbacksOnIoThread}
 * on the I/O thread itself, for code that never blocks and wants no thread hop.
 *
 * <p><b>A payment result is never lost.</b> When the connection drops while a charge, refund or
 * capture runs, the client reconnects with backoff ({@link ReconnectPolicy}) — to the next gateway
 * address when it was given several ({@link #builder(List)}) — logs in again with the credentials of
 * the last successful login, and asks for the outcome with the Tillgate {@code QUERY_TRANSACTION}
 * extension by the request's tag until it is final. The outcome then completes with the recovered
 * transaction, or fails with {@link TransactionNotStartedException} (it certainly never ran: safe
 * to retry) or {@link TransactionOutcomeUnknownException} (it may have run: resolve it by its tag
 * later). Tags are chosen by the caller if it wants ({@link ChargeRequest#withTag},
 * {@link RefundRequest#withTag}, {@link CaptureRequest#withTag}), so a POS that crashed can still
 * {@link #query} what it started.
 *
 * <p><b>Aborting.</b> An abort may only succeed while the last {@link TransactionUpdate} said
 * {@code abortable}; offer it only then ({@link TransactionHandle#abort()}). The abort's own future
 * means "abort requested"; the outcome may still be APPROVED if the abort came too late.
 */
public final class PayClient implements AutoCloseable {

    private static final String ONLINE = "ONLINE";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final Duration BLOCKING_TIMEOUT = Duration.ofMinutes(5);

    private final ClientSettings settings;
    private final EventLoopGroup ownedGroup;
    private final EventLoop loop;
    private final CallbackExecutor callbacks;
    private final ClientSession session;

    private PayClient(Builder builder) {
        boolean tls = builder.endpoints.stream().anyMatch(P3Endpoint::tls);
        this.callbacks = builder.callbacks != null ? builder.callbacks : CallbackExecutor.ownThread();
        this.settings = new ClientSettings(builder.endpoints, builder.connectTimeout, builder.requestTimeout,
                builder.maxFrameBytes, builder.reconnectPolicy, builder.recoveryTimeout,
                builder.recoveryPollInterval, builder.listener, !tls ? null
                        : builder.tls != null ? builder.tls : ClientTls.systemTrust(), callbacks);
        this.ownedGroup = builder.eventLoopGroup == null
                ? new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tillgate-payclient", true),
                        NioIoHandler.newFactory())
                : null;
        this.loop = (ownedGroup != null ? ownedGroup : builder.eventLoopGroup).next();
        this.session = new ClientSession(settings, loop);
    }

    /**
     * A builder for a client of the gateway at {@code uri}: {@code ws://host:port[/path]} (path
     * {@code /p3} when absent) or {@code tcp://host:port}, or {@code wss://} / {@code tls://} for the
     * same over TLS (trusting the system's CAs unless {@link Builder#trust} names one).
     *
     * @throws IllegalArgumentException for any other scheme, or no host
     */
    public static Builder builder(URI uri) {
        return builder(List.of(uri));
    }

    /**
     * A builder for a client of several nodes of one gateway (sharing one journal): it connects to
     * the first that answers, in this order, and moves to the next when its node is gone — refused
     * or lost — recovering running transactions there by their tags.
     *
     * @throws IllegalArgumentException for an empty list, or a URI {@link #builder(URI)} refuses
     */
    public static Builder builder(List<URI> uris) {
        Objects.requireNonNull(uris, "uris");
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("a PayClient needs at least one gateway URI");
        }
        return new Builder(uris.stream().map(P3Endpoint::parse).toList());
    }

    /** The gateway address connected to, or tried next, normalised ({@code ws://localhost:8080/p3}). */
    public URI endpoint() {
        return session.endpoint().uri();
    }

    /** Every gateway address, in the order they are tried. */
    public List<URI> endpoints() {
        return settings.endpoints().stream().map(P3Endpoint::uri).toList();
    }

    /** A facade that waits for each call, up to five minutes; see {@link #blocking(Duration)}. */
    public BlockingPayClient blocking() {
        return blocking(BLOCKING_TIMEOUT);
    }

    /**
     * A facade of this client whose calls wait for their result, up to {@code timeout} each (a
     * transaction waits that long for its outcome; short requests still fail after the
     * {@link Builder#requestTimeout}). It shares the connection and may be used from any thread but
     * a callback of this client.
     */
    public BlockingPayClient blocking(Duration timeout) {
        return new BlockingPayClient(this, Builder.positive(timeout, "timeout"));
    }

    /**
     * Opens the connection (and completes the WebSocket handshake), trying each gateway address
     * once. After a drop, connects again and logs in again if a login had succeeded. Completes at
     * once when already connected.
     */
    public CompletableFuture<Void> connect() {
        return deliver(onLoop(session::connect));
    }

    /** Logs in with provider mode {@link ProviderMode#TEST}; see {@link #login(String, String, ProviderMode)}. */
    public CompletableFuture<List<P3Device>> login(String merchantIdentifier, String merchantSecret) {
        return login(merchantIdentifier, merchantSecret, ProviderMode.TEST);
    }

    /**
     * Logs a merchant in and returns its devices. On success the credentials are kept (in memory
     * only) to log in again after a reconnect; the secret is never logged.
     */
    public CompletableFuture<List<P3Device>> login(String merchantIdentifier, String merchantSecret,
                                                   ProviderMode providerMode) {
        LoginMerchantRequest request = new LoginMerchantRequest(
                Objects.requireNonNull(providerMode, "providerMode").name(),
                Objects.requireNonNull(merchantIdentifier, "merchantIdentifier"),
                Objects.requireNonNull(merchantSecret, "merchantSecret"));
        return deliver(onLoop(() -> session.login(request)));
    }

    /** The devices of the last successful login; empty before one. */
    public List<P3Device> devices() {
        return session.devices();
    }

    /** {@link #charge(ChargeRequest, TransactionListener)} without following its progress. */
    public TransactionHandle charge(ChargeRequest request) {
        return charge(request, TransactionListener.NONE);
    }

    /**
     * Starts a card payment (EXECUTE_TRANSACTION) on the request's device. Its outcome, updates and
     * actions come through the handle and {@code listener}; store {@link ChargeRequest#tag()} first.
     */
    public TransactionHandle charge(ChargeRequest request, TransactionListener listener) {
        Objects.requireNonNull(request, "request");
        Money amount = request.amount();
        TransactionParameters parameters = TransactionParameters.builder()
                .amount(amount.toMajor())
                .currency(amount.currency().getCurrencyCode())
                .type("CHARGE")
                .autoCapture(request.autoCapture())
                .subject(request.subject())
                .customIdentifier(request.customIdentifier())
                .build();
        P3Message message = P3Message.request(ExecuteTransactionRequest.of(ONLINE, parameters), request.tag(),
                request.resource());
        return start("charge", message, request.deviceIdentifier(), listener);
    }

    /** {@link #refund(RefundRequest, TransactionListener)} without following its progress. */
    public TransactionHandle refund(RefundRequest request) {
        return refund(request, TransactionListener.NONE);
    }

    /**
     * Refunds an earlier transaction (AMEND_TRANSACTION type REFUND); the outcome is the new refund
     * transaction. Store {@link RefundRequest#tag()} first.
     */
    public TransactionHandle refund(RefundRequest request, TransactionListener listener) {
        Objects.requireNonNull(request, "request");
        return amend("refund", "REFUND", request.originalIdentifier(), request.amount(), request.subject(),
                request.customIdentifier(), request.tag(), listener);
    }

    /** {@link #capture(CaptureRequest, TransactionListener)} without following its progress. */
    public TransactionHandle capture(CaptureRequest request) {
        return capture(request, TransactionListener.NONE);
    }

    /**
     * Captures a transaction charged with {@code autoCapture=false} (AMEND_TRANSACTION type
     * CAPTURE); the outcome is the captured transaction.
     */
    public TransactionHandle capture(CaptureRequest request, TransactionListener listener) {
        Objects.requireNonNull(request, "request");
        return amend("capture", "CAPTURE", request.originalIdentifier(), request.amount(), null, null,
                request.tag(), listener);
    }

    /**
     * Looks a stored transaction up (Tillgate QUERY_TRANSACTION extension). An unknown key fails
     * with {@link P3ErrorException} of type {@link ErrorType#TRANSACTION_REFERENCE_NOT_FOUND}.
     */
    public CompletableFuture<TransactionResult> query(QueryKey key) {
        P3Message message = request(Objects.requireNonNull(key, "key").toRequest(), P3Message.ROOT);
        return deliver(onLoop(() -> session.submit(new RequestOperation<>("query " + key, message,
                response -> new TransactionResult(response.body(QueryTransactionResponse.class).transaction())))));
    }

    /**
     * Closes the connection; whatever still waits fails (a running transaction with
     * {@link TransactionOutcomeUnknownException}). Shuts the client's own event loop and callback
     * thread down, never a shared one.
     */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> closed = onLoop(session::close).handle((ignored, error) -> null);
        CompletableFuture<Void> terminated = ownedGroup == null ? closed : closed.thenCompose(ignored -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ownedGroup.shutdownGracefully(0, CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)
                    .addListener(f -> done.complete(null));
            return done;
        });
        CompletableFuture<Void> result = new CompletableFuture<>();
        terminated.whenComplete((ignored, error) -> {
            callbacks.execute(() -> result.complete(null));
            callbacks.shutdown();
        });
        return result;
    }

    /**
     * {@link #closeAsync()}, waiting up to five seconds for it unless called from a callback of this
     * client, where waiting would deadlock.
     */
    @Override
    public void close() {
        CompletableFuture<Void> closed = closeAsync();
        if (loop.inEventLoop() || callbacks.inCallback()) {
            return;
        }
        try {
            closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Closing is best effort: the sockets are closed or closing either way.
        }
    }

    // ---------------------------------------------------------------- for TransactionHandle, BlockingPayClient

    CompletableFuture<Void> abort(String deviceIdentifier, String transactionIdentifierOrNull) {
        return shortRequest("abort", new AbortTransactionRequest(transactionIdentifierOrNull), deviceIdentifier);
    }

    CompletableFuture<Void> submitSignature(String deviceIdentifier, byte[] png) {
        return shortRequest("signature", SubmitSignatureRequest.digital(Base64.getEncoder().encodeToString(png)),
                deviceIdentifier);
    }

    CompletableFuture<Void> signOnReceipt(String deviceIdentifier) {
        return shortRequest("signature", SubmitSignatureRequest.onReceipt(), deviceIdentifier);
    }

    /**
     * Waits for a future of this client.
     *
     * @param transaction whether it is a transaction's outcome, which goes on after the wait gives up
     */
    <T> T await(CompletableFuture<T> future, String what, Duration timeout, boolean transaction) {
        requireMayWait(what);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RequestTimeoutException(what + " did not end within " + timeout.toMillis() + " ms"
                    + (transaction ? "; it goes on: query it later by its tag" : ""));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PayClientException failure) {
                throw failure;
            }
            throw new PayClientException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PayClientException("interrupted while waiting for " + what
                    + (transaction ? "; it goes on: query it later by its tag" : ""), e);
        }
    }

    /** Refuses to wait on a thread the answer would have to come through; checked before anything is sent. */
    void requireMayWait(String what) {
        if (callbacks.inCallback() || loop.inEventLoop()) {
            throw new IllegalStateException("cannot wait for " + what + " in a callback of its own PayClient:"
                    + " the answer would have to run on this very thread");
        }
    }

    // ---------------------------------------------------------------- internals

    private TransactionHandle start(String operation, P3Message message, String deviceIdentifier,
                                    TransactionListener listener) {
        TransactionHandle handle = new TransactionHandle(this, operation, message.tag(), deviceIdentifier);
        TransactionOperation running = new TransactionOperation(operation, message,
                listener == null ? TransactionListener.NONE : listener, handle, callbacks);
        handle.follow(onLoop(() -> session.submit(running)), callbacks);
        return handle;
    }

    private TransactionHandle amend(String operation, String type, String originalIdentifier, Money amountOrNull,
                                    String subject, String customIdentifier, String tag,
                                    TransactionListener listener) {
        TransactionParameters parameters = TransactionParameters.builder()
                .type(type)
                .referencedTransactionIdentifier(originalIdentifier)
                .amount(amountOrNull == null ? null : amountOrNull.toMajor())
                .currency(amountOrNull == null ? null : amountOrNull.currency().getCurrencyCode())
                .subject(subject)
                .customIdentifier(customIdentifier)
                .build();
        P3Message message = P3Message.request(new AmendTransactionRequest(ONLINE, parameters), tag, P3Message.ROOT);
        return start(operation, message, null, listener);
    }

    private CompletableFuture<Void> shortRequest(String operation, P3Body body, String deviceIdentifier) {
        P3Message message = request(body, P3Message.deviceResource(ChargeRequest.identifierOf(deviceIdentifier)));
        return deliver(onLoop(() -> session.submit(new RequestOperation<Void>(operation, message, response -> null))));
    }

    private static P3Message request(P3Body body, String resource) {
        return P3Message.request(body, UUID.randomUUID().toString(), resource);
    }

    /** The caller's view of an internal future: completed on the callback executor, with the cause unwrapped. */
    private <T> CompletableFuture<T> deliver(CompletableFuture<T> internal) {
        CompletableFuture<T> delivered = new CompletableFuture<>();
        internal.whenComplete((value, error) -> callbacks.execute(() -> {
            if (error == null) {
                delivered.complete(value);
            } else {
                delivered.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        }));
        return delivered;
    }

    /** Runs a session call, turning a shut-down event loop into a failed future. */
    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new PayClientException(
                    "PayClient for " + endpoints() + " cannot run: its event loop is shut down", e));
        }
    }

    /** Options of a {@link PayClient}; every one has a default. */
    public static final class Builder {

        private final List<P3Endpoint> endpoints;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxFrameBytes = 1024 * 1024;
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.DEFAULT;
        private Duration recoveryTimeout = Duration.ofMinutes(5);
        private Duration recoveryPollInterval = Duration.ofMillis(250);
        private EventLoopGroup eventLoopGroup;
        private PayClientListener listener = PayClientListener.NONE;
        private ClientTls tls;

        private CallbackExecutor callbacks;

        private Builder(List<P3Endpoint> endpoints) {
            this.endpoints = endpoints;
        }

        /** How long opening the connection (and the WebSocket handshake) may take; default 5 s. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * How long a short request (login, abort, signature, query) waits for its response; default
         * 10 s. Transactions have no timeout: a shopper may take minutes.
         */
        public Builder requestTimeout(Duration value) {
            requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** The largest message accepted from the server; a larger one closes the connection. Default 1 MiB. */
        public Builder maxFrameBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxFrameBytes must be positive, got " + value);
            }
            maxFrameBytes = value;
            return this;
        }

        /** Backoff and give-up time of reconnecting; default {@link ReconnectPolicy#DEFAULT}. */
        public Builder reconnectPolicy(ReconnectPolicy value) {
            reconnectPolicy = Objects.requireNonNull(value, "reconnectPolicy");
            return this;
        }

        /** How long to keep asking for the outcome of a transaction cut off by a drop; default 5 min. */
        public Builder recoveryTimeout(Duration value) {
            recoveryTimeout = positive(value, "recoveryTimeout");
            return this;
        }

        /** The pause between two recovery queries; default 250 ms. */
        public Builder recoveryPollInterval(Duration value) {
            recoveryPollInterval = positive(value, "recoveryPollInterval");
            return this;
        }

        /**
         * Runs the client on a shared NIO event loop group (e.g. many clients of a load generator
         * on a few threads). The client uses one loop of it and does not shut it down. By default
         * each client has its own single daemon thread.
         */
        public Builder eventLoopGroup(EventLoopGroup value) {
            eventLoopGroup = Objects.requireNonNull(value, "eventLoopGroup");
            return this;
        }

        /**
         * For {@code wss://} and {@code tls://}: trust only the CA certificates in {@code caPem} (the
         * gateway's own CA, or its pinned self-signed certificate) instead of the system's CAs.
         */
        public Builder trust(Path caPem) {
            tls = ClientTls.trusting(caPem);
            return this;
        }

        /**
         * For {@code wss://} and {@code tls://} to a gateway that requires client certificates:
         * present {@code certificate} (PEM) with {@code key} (PEM, PKCS#8), trusting {@code caPem}
         * ({@code null} for the system's CAs).
         */
        public Builder clientCertificate(Path caPem, Path certificate, Path key) {
            tls = ClientTls.trusting(caPem, certificate, key);
            return this;
        }

        /**
         * Runs listener methods and completes the returned futures on {@code executor} (one at a
         * time, in order) instead of a thread of the client's own. The client never shuts it down.
         */
        public Builder callbackExecutor(Executor executor) {
            callbacks = CallbackExecutor.on(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * Runs listener methods and completes the returned futures on the client's I/O thread: no
         * thread hop, for code that never blocks in a callback (a blocking callback would stall every
         * message of the connection, and {@link BlockingPayClient} cannot be used from one).
         */
        public Builder callbacksOnIoThread() {
            callbacks = CallbackExecutor.ioThread();
            return this;
        }

        /** Connection events; default none. */
        public Builder listener(PayClientListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public PayClient build() {
            return new PayClient(this);
        }

        static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
