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
import io.tillgate.p3.codec.P3Transaction;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The POS side of P3: logs a merchant in and runs charges, refunds, captures, aborts, signatures
 * and look-ups on a PayServer, over {@code ws://} or {@code tcp://}, or the same over TLS:
 * {@code wss://} and {@code tls://}.
 *
 * <pre>{@code
 * try (PayClient client = PayClient.builder(URI.create("ws://localhost:8080/p3")).build()) {
 *     client.connect().join();
 *     List<P3Device> devices = client.login("demo", secret).join();
 *     P3Transaction t = client.charge(ChargeRequest.of(devices.get(0).identifier(),
 *             Money.ofMajor("12.00", "EUR")), TransactionListener.NONE).join();
 * }
 * }</pre>
 *
 * <p><b>Asynchronous.</b> Every call returns a {@link CompletableFuture} and never blocks; futures
 * complete, and listeners run, on the client's I/O thread, so callbacks must not block either.
 * Several operations may run at once on the one connection: each request gets its own tag and
 * every update, action and response is routed by it. Failures are {@link PayClientException}s:
 * {@link P3ErrorException} when the server answered ERROR (with the error type as sent),
 * {@link RequestTimeoutException}, {@link ConnectionFailedException}, {@link ConnectionLostException}.
 *
 * <p><b>A payment result is never lost.</b> When the connection drops while a charge, refund or
 * capture runs, the client reconnects with backoff ({@link ReconnectPolicy}), logs in again with the
 * credentials of the last successful login, and asks the server for the outcome with the Tillgate
 * {@code QUERY_TRANSACTION} extension by the original request tag until it is final. The future
 * then completes with the recovered transaction, or fails with
 * {@link TransactionNotStartedException} (it certainly never ran: safe to retry) or
 * {@link TransactionOutcomeUnknownException} (it may have run: resolve it by its tag later).
 *
 * <p><b>Aborting.</b> An abort may only succeed while the last {@link TransactionUpdate} said
 * {@code abortable}; callers offer it only then. The abort's own future means "abort requested";
 * the charge's future still brings the outcome, which may be APPROVED if the abort came too late.
 */
public final class PayClient implements AutoCloseable {

    private static final String ONLINE = "ONLINE";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ClientSettings settings;
    private final EventLoopGroup ownedGroup;
    private final EventLoop loop;
    private final ClientSession session;

    private PayClient(Builder builder) {
        this.settings = new ClientSettings(builder.endpoint, builder.connectTimeout, builder.requestTimeout,
                builder.maxFrameBytes, builder.reconnectPolicy, builder.recoveryTimeout,
                builder.recoveryPollInterval, builder.listener, !builder.endpoint.tls() ? null
                        : builder.tls != null ? builder.tls : ClientTls.systemTrust());
        this.ownedGroup = builder.eventLoopGroup == null
                ? new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tillgate-payclient", true),
                        NioIoHandler.newFactory())
                : null;
        this.loop = (ownedGroup != null ? ownedGroup : builder.eventLoopGroup).next();
        this.session = new ClientSession(settings, loop);
    }

    /**
     * A builder for a client of the PayServer at {@code uri}: {@code ws://host:port[/path]} (path
     * {@code /p3} when absent) or {@code tcp://host:port}, or {@code wss://} / {@code tls://} for the
     * same over TLS (trusting the system's CAs unless {@link Builder#trust} names one).
     *
     * @throws IllegalArgumentException for any other scheme, or no host
     */
    public static Builder builder(URI uri) {
        return new Builder(P3Endpoint.parse(uri));
    }

    /** The server this client talks to, normalised ({@code ws://localhost:8080/p3}). */
    public URI endpoint() {
        return settings.endpoint().uri();
    }

    /**
     * Opens the connection (and completes the WebSocket handshake). After a drop, connects again
     * and logs in again if a login had succeeded. Completes at once when already connected.
     */
    public CompletableFuture<Void> connect() {
        return onLoop(session::connect);
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
        return onLoop(() -> session.login(request));
    }

    /** The devices of the last successful login; empty before one. */
    public List<P3Device> devices() {
        return session.devices();
    }

    /**
     * Runs a card payment (EXECUTE_TRANSACTION) and completes with the final transaction, whatever
     * its status: check it with {@link TransactionStatus#of(P3Transaction)}; a DECLINED payment is
     * not a failure of the call. An ERROR response fails with {@link P3ErrorException}, which
     * carries the failed transaction when the server sent one.
     */
    public CompletableFuture<P3Transaction> charge(ChargeRequest request, TransactionListener listener) {
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
        return onLoop(() -> session.submit(new TransactionOperation("charge", message, listenerOrNone(listener))));
    }

    /**
     * Refunds an earlier transaction (AMEND_TRANSACTION type REFUND) and completes with the new
     * refund transaction.
     *
     * @param amountOrNull the amount of a partial refund; {@code null} refunds it in full
     * @param subject printed as the description, or {@code null}
     * @param customIdentifier the merchant's reference for the refund, or {@code null}
     */
    public CompletableFuture<P3Transaction> refund(String originalIdentifier, Money amountOrNull, String subject,
                                                   String customIdentifier, TransactionListener listener) {
        return amend("refund", "REFUND", originalIdentifier, amountOrNull, subject, customIdentifier, listener);
    }

    /**
     * Captures a transaction charged with {@code autoCapture=false} (AMEND_TRANSACTION type
     * CAPTURE) and completes with the captured transaction.
     *
     * @param amountOrNull the amount to capture; {@code null} captures the whole authorisation
     */
    public CompletableFuture<P3Transaction> capture(String originalIdentifier, Money amountOrNull,
                                                    TransactionListener listener) {
        return amend("capture", "CAPTURE", originalIdentifier, amountOrNull, null, null, listener);
    }

    private CompletableFuture<P3Transaction> amend(String operation, String type, String originalIdentifier,
                                                   Money amountOrNull, String subject, String customIdentifier,
                                                   TransactionListener listener) {
        TransactionParameters parameters = TransactionParameters.builder()
                .type(type)
                .referencedTransactionIdentifier(Objects.requireNonNull(originalIdentifier, "originalIdentifier"))
                .amount(amountOrNull == null ? null : amountOrNull.toMajor())
                .currency(amountOrNull == null ? null : amountOrNull.currency().getCurrencyCode())
                .subject(subject)
                .customIdentifier(customIdentifier)
                .build();
        P3Message message = request(new AmendTransactionRequest(ONLINE, parameters), P3Message.ROOT);
        return onLoop(() -> session.submit(new TransactionOperation(operation, message, listenerOrNone(listener))));
    }

    /**
     * Asks the device to abort its running transaction. Completing means only "abort requested"
     * (an abort after a non-abortable update fails with TRANSACTION_NO_LONGER_ABORTABLE); the
     * outcome still comes through the charge's future.
     *
     * @param transactionIdentifierOrNull the transaction to abort, or {@code null} for whatever runs
     */
    public CompletableFuture<Void> abort(String deviceIdentifier, String transactionIdentifierOrNull) {
        return shortRequest("abort", new AbortTransactionRequest(transactionIdentifierOrNull), deviceIdentifier);
    }

    /** Answers a CUSTOMER_SIGNATURE action with the customer's signature as a PNG image. */
    public CompletableFuture<Void> submitSignature(String deviceIdentifier, byte[] png) {
        Objects.requireNonNull(png, "png");
        if (png.length == 0) {
            throw new IllegalArgumentException("signature image is empty");
        }
        return shortRequest("signature", SubmitSignatureRequest.digital(Base64.getEncoder().encodeToString(png)),
                deviceIdentifier);
    }

    /** Answers a CUSTOMER_SIGNATURE action with "the customer signs the printed merchant receipt". */
    public CompletableFuture<Void> submitSignatureOnReceipt(String deviceIdentifier) {
        return shortRequest("signature", SubmitSignatureRequest.onReceipt(), deviceIdentifier);
    }

    /**
     * Looks a stored transaction up (Tillgate QUERY_TRANSACTION extension). An unknown key fails
     * with {@link P3ErrorException} of type TRANSACTION_REFERENCE_NOT_FOUND.
     */
    public CompletableFuture<P3Transaction> query(QueryKey key) {
        P3Message message = request(Objects.requireNonNull(key, "key").toRequest(), P3Message.ROOT);
        return onLoop(() -> session.submit(new RequestOperation<>("query " + key, message,
                response -> response.body(QueryTransactionResponse.class).transaction())));
    }

    /**
     * Closes the connection; whatever still waits fails (a running transaction with
     * {@link TransactionOutcomeUnknownException}). Shuts the client's own event loop down, never a
     * shared one.
     */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> closed = onLoop(session::close);
        if (ownedGroup == null) {
            return closed;
        }
        return closed.handle((ignored, error) -> null).thenCompose(ignored -> {
            CompletableFuture<Void> terminated = new CompletableFuture<>();
            ownedGroup.shutdownGracefully(0, CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)
                    .addListener(f -> terminated.complete(null));
            return terminated;
        });
    }

    /**
     * {@link #closeAsync()}, waiting up to five seconds for it unless called on the client's own
     * I/O thread (from a callback), where waiting would deadlock.
     */
    @Override
    public void close() {
        CompletableFuture<Void> closed = closeAsync();
        if (loop.inEventLoop()) {
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

    private CompletableFuture<Void> shortRequest(String operation, P3Body body, String deviceIdentifier) {
        P3Message message = request(body, P3Message.deviceResource(ChargeRequest.identifierOf(deviceIdentifier)));
        return onLoop(() -> session.submit(new RequestOperation<Void>(operation, message, response -> null)));
    }

    private static P3Message request(P3Body body, String resource) {
        return P3Message.request(body, UUID.randomUUID().toString(), resource);
    }

    private static TransactionListener listenerOrNone(TransactionListener listener) {
        return listener == null ? TransactionListener.NONE : listener;
    }

    /** Runs a session call, turning a shut-down event loop into a failed future. */
    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new PayClientException(
                    "PayClient for " + settings.endpoint() + " cannot run: its event loop is shut down", e));
        }
    }

    /** Options of a {@link PayClient}; every one has a default. */
    public static final class Builder {

        private final P3Endpoint endpoint;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxFrameBytes = 1024 * 1024;
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.DEFAULT;
        private Duration recoveryTimeout = Duration.ofMinutes(5);
        private Duration recoveryPollInterval = Duration.ofMillis(250);
        private EventLoopGroup eventLoopGroup;
        private PayClientListener listener = PayClientListener.NONE;
        private ClientTls tls;

        private Builder(P3Endpoint endpoint) {
            this.endpoint = endpoint;
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

        /** Connection events; default none. */
        public Builder listener(PayClientListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public PayClient build() {
            return new PayClient(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
