package io.tillgate.p3.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.tillgate.p3.codec.LoginMerchantRequest;
import io.tillgate.p3.codec.LoginMerchantResponse;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state of one {@link PayClient}: the channel, the requests waiting for it, the
 * operations in flight by tag, reconnecting with backoff and logging in again — to the next of its
 * endpoints when the current one is lost or refused — and the transactions being recovered. Every
 * field is confined to one event loop (every channel of the session, reconnects included, is
 * registered on it), so nothing here needs a lock; {@code current} is also read by other threads.
 *
 * <pre>
 *   NEW ──connect()──▶ CONNECTING ──open──▶ OPEN (ready after the re-login, if any)
 *    ▲                    │  ▲                 │ drop
 *    └──── failed ────────┘  └── a request ── DISCONNECTED
 *   any ──close()──▶ CLOSED
 * </pre>
 */
final class ClientSession {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private enum State { NEW, CONNECTING, OPEN, DISCONNECTED, CLOSED }

    private final ClientSettings settings;
    private final EventLoop loop;
    private final ClientConnector connector;

    private State state = State.NEW;
    private Channel channel;
    private boolean ready;
    private boolean everOpened;
    private boolean everReady;
    private boolean retrying;
    private int attempt;
    /** The endpoint connected to or tried next; moves on when a node is gone. */
    private volatile int current;
    /** Endpoints that failed since the last backoff pause: the next one is tried at once until all have. */
    private int failedInRound;
    private long reconnectDeadlineNanos;
    private Throwable lastAttemptFailure;
    private ScheduledFuture<?> reconnectTimer;
    private CompletableFuture<Void> readyFuture;
    private final Map<String, ClientOperation<?>> inFlight = new HashMap<>();
    private final Deque<ClientOperation<?>> outbox = new ArrayDeque<>();
    private final Set<TransactionOperation> recovering = new LinkedHashSet<>();
    private LoginMerchantRequest credentials;
    private volatile List<P3Device> devices = List.of();

    ClientSession(ClientSettings settings, EventLoop loop) {
        this.settings = settings;
        this.loop = loop;
        this.connector = new ClientConnector(settings, loop, this);
    }

    /** Runs {@code task} on the session's event loop, at once when already there. */
    void execute(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    void schedule(Runnable task, long delay, TimeUnit unit) {
        loop.schedule(task, delay, unit);
    }

    List<P3Device> devices() {
        return devices;
    }

    /** The endpoint the client is connected to, or will try next. */
    P3Endpoint endpoint() {
        return settings.endpoints().get(current);
    }

    // ---------------------------------------------------------------- caller side (any thread)

    CompletableFuture<Void> connect() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        execute(() -> {
            switch (state) {
                case CLOSED -> result.completeExceptionally(closed());
                case NEW, DISCONNECTED -> {
                    startConnecting(false);
                    relay(readyFuture, result);
                }
                case CONNECTING -> relay(readyFuture, result);
                case OPEN -> {
                    if (ready) {
                        result.complete(null);
                    } else {
                        relay(readyFuture, result);
                    }
                }
            }
        });
        return result;
    }

    /** Logs in; on success the credentials are remembered for logging in again after a reconnect. */
    CompletableFuture<List<P3Device>> login(LoginMerchantRequest login) {
        return submit(loginOperation(login));
    }

    <T> CompletableFuture<T> submit(ClientOperation<T> operation) {
        track(operation);
        execute(() -> enqueue(operation));
        return operation.future();
    }

    CompletableFuture<Void> close() {
        CompletableFuture<Void> closedFuture = new CompletableFuture<>();
        execute(() -> {
            if (state == State.CLOSED) {
                closedFuture.complete(null);
                return;
            }
            state = State.CLOSED;
            ready = false;
            if (reconnectTimer != null) {
                reconnectTimer.cancel(false);
            }
            PayClientException closed = closed();
            if (readyFuture != null) {
                readyFuture.completeExceptionally(closed);
            }
            failAll(closed);
            Channel ch = channel;
            channel = null;
            if (ch == null) {
                closedFuture.complete(null);
            } else {
                connector.close(ch).addListener(f -> closedFuture.complete(null));
            }
        });
        return closedFuture;
    }

    // ---------------------------------------------------------------- channel side (event loop)

    void onMessage(Channel ch, P3Message message) {
        if (ch != channel) {
            return;
        }
        ClientOperation<?> operation = message.tag() == null ? null : inFlight.get(message.tag());
        if (operation == null) {
            LOG.debug("ignoring {} for tag {}: no request of this client is waiting for it",
                    message.type(), message.tag());
            return;
        }
        if (operation.onMessage(message)) {
            inFlight.remove(message.tag(), operation);
        }
    }

    /**
     * A message from the server could not be decoded. An unreadable update is skipped (it only
     * reported progress); otherwise the operation it names, if any, fails — a transaction with
     * outcome unknown, as its result may have been in that very message.
     */
    void onUnreadable(Channel ch, P3DecodingException e) {
        String what = e.messageType().map(Enum::name).orElse("message");
        boolean progressOnly = e.messageType().map(type -> type.kind() == P3MessageKind.UPDATE).orElse(false);
        ClientOperation<?> operation =
                ch == channel && e.tag() != null && !progressOnly ? inFlight.remove(e.tag()) : null;
        if (operation == null) {
            LOG.warn("ignoring an unreadable {} from {}: {}", what, endpoint(), e.getMessage());
            return;
        }
        operation.failSent(new P3ProtocolException("unreadable " + what + " from the server for tag "
                + e.tag() + ": " + e.getMessage()));
    }

    void onClosed(Channel ch, Throwable cause) {
        if (ch != channel) {
            return;
        }
        channel = null;
        ready = false;
        if (state == State.CLOSED) {
            return;
        }
        state = State.DISCONNECTED;
        ConnectionLostException lost = new ConnectionLostException("connection to " + endpoint()
                + " lost" + (cause == null ? "" : ": " + describe(cause)), cause);
        LOG.debug("{}", lost.getMessage());
        notifyListener(() -> settings.listener().onDisconnected(lost));
        // The node may be gone: the next attempt goes to the next address, if there is one.
        moveToNextEndpoint();
        List<ClientOperation<?>> interrupted = new ArrayList<>(inFlight.values());
        inFlight.clear();
        for (ClientOperation<?> operation : interrupted) {
            if (operation.onConnectionLost(lost) && operation instanceof TransactionOperation transaction) {
                recover(transaction);
            }
        }
        if (state == State.DISCONNECTED && !outbox.isEmpty()) {
            startConnecting(true);
        }
    }

    // ---------------------------------------------------------------- internals (event loop)

    private void enqueue(ClientOperation<?> operation) {
        if (operation.isDone()) {
            return;
        }
        if (operation instanceof RequestOperation<?> request) {
            armTimeout(request);
        }
        switch (state) {
            case CLOSED -> operation.failUnsent(closed());
            case NEW -> operation.failUnsent(new ConnectionLostException(
                    "not connected to " + endpoint() + ": call connect() first"));
            case OPEN -> {
                if (ready) {
                    write(operation);
                } else {
                    outbox.add(operation);
                }
            }
            case CONNECTING -> outbox.add(operation);
            case DISCONNECTED -> {
                outbox.add(operation);
                startConnecting(true);
            }
        }
    }

    private void track(ClientOperation<?> operation) {
        operation.future().whenComplete((result, error) -> execute(() -> forget(operation)));
    }

    private void forget(ClientOperation<?> operation) {
        operation.cancelTimer();
        inFlight.remove(operation.tag(), operation);
        outbox.remove(operation);
        if (operation instanceof TransactionOperation transaction) {
            recovering.remove(transaction);
        }
    }

    private void armTimeout(RequestOperation<?> request) {
        Duration timeout = settings.requestTimeout();
        request.timer(loop.schedule(() -> request.fail(new RequestTimeoutException(request.operation()
                        + " (tag " + request.tag() + ") got no response within " + timeout.toMillis() + " ms")),
                timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    private void write(ClientOperation<?> operation) {
        if (inFlight.containsKey(operation.tag())) {
            operation.failUnsent(new PayClientException("tag " + operation.tag()
                    + " is already used by a request still running on this client"));
            return;
        }
        inFlight.put(operation.tag(), operation);
        channel.writeAndFlush(operation.request()).addListener(f -> {
            if (!f.isSuccess() && inFlight.remove(operation.tag(), operation)) {
                operation.failUnsent(new ConnectionLostException("could not send " + operation.request().type()
                        + " (tag " + operation.tag() + "): " + describe(f.cause()), f.cause()));
            }
        });
    }

    private void recover(TransactionOperation transaction) {
        recovering.add(transaction);
        new TransactionRecovery(this, transaction, settings.recoveryTimeout(), settings.recoveryPollInterval()).poll();
    }

    private RequestOperation<List<P3Device>> loginOperation(LoginMerchantRequest login) {
        P3Message request = P3Message.request(login, UUID.randomUUID().toString(), P3Message.ROOT);
        return new RequestOperation<>("login", request, response -> {
            List<P3Device> listed = response.body(LoginMerchantResponse.class).devices();
            devices = listed == null ? List.of() : listed;
            credentials = login;
            return devices;
        });
    }

    private void startConnecting(boolean retry) {
        state = State.CONNECTING;
        retrying = retry;
        if (readyFuture == null || readyFuture.isDone()) {
            readyFuture = new CompletableFuture<>();
        }
        failedInRound = 0;
        if (!retry) {
            attempt();
            return;
        }
        if (reconnectDeadlineNanos == 0) {
            reconnectDeadlineNanos = System.nanoTime() + settings.reconnectPolicy().giveUpAfter().toNanos();
        }
        scheduleAttempt();
    }

    private void scheduleAttempt() {
        attempt++;
        Duration delay = settings.reconnectPolicy().delay(attempt);
        if (System.nanoTime() + delay.toNanos() - reconnectDeadlineNanos > 0) {
            giveUp(new ConnectionFailedException("gave up reconnecting to " + allEndpoints() + " after "
                    + (attempt - 1) + " attempt(s) in " + settings.reconnectPolicy().giveUpAfter().toMillis() + " ms"
                    + (lastAttemptFailure == null ? "" : ": " + describe(lastAttemptFailure)), lastAttemptFailure));
            return;
        }
        int number = attempt;
        notifyListener(() -> settings.listener().onReconnecting(number, delay));
        reconnectTimer = loop.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void attempt() {
        reconnectTimer = null;
        if (state != State.CONNECTING) {
            return;
        }
        P3Endpoint target = endpoint();
        connector.open(target).addListener((Future<Channel> opened) -> {
            if (state == State.CLOSED) {
                if (opened.isSuccess()) {
                    opened.getNow().close();
                }
            } else if (opened.isSuccess() && opened.getNow().isActive()) {
                onOpened(opened.getNow());
            } else {
                onAttemptFailed(target, opened.isSuccess() ? new ConnectionLostException("closed right after opening")
                        : opened.cause());
            }
        });
    }

    private void onOpened(Channel ch) {
        channel = ch;
        state = State.OPEN;
        everOpened = true;
        lastAttemptFailure = null;
        failedInRound = 0;
        P3Endpoint connected = endpoint();
        LOG.debug("connected to {}", connected);
        notifyListener(() -> settings.listener().onConnected(connected.uri()));
        if (credentials == null) {
            becomeReady();
            return;
        }
        RequestOperation<List<P3Device>> login = loginOperation(credentials);
        track(login);
        login.future().whenComplete((listed, error) -> execute(() -> onLoggedInAgain(ch, error)));
        armTimeout(login);
        write(login);
    }

    private void onLoggedInAgain(Channel ch, Throwable error) {
        if (ch != channel || state != State.OPEN) {
            return;
        }
        if (error == null) {
            becomeReady();
            return;
        }
        Throwable cause = unwrap(error);
        channel = null;
        connector.close(ch);
        giveUp(new ConnectionFailedException("reconnected to " + endpoint()
                + " but could not log in again: " + cause.getMessage(), cause));
    }

    private void becomeReady() {
        ready = true;
        boolean reconnected = everReady;
        everReady = true;
        reconnectDeadlineNanos = 0;
        attempt = 0;
        if (reconnected) {
            notifyListener(() -> settings.listener().onReconnected());
        }
        readyFuture.complete(null);
        while (ready && !outbox.isEmpty()) {
            write(outbox.poll());
        }
    }

    /**
     * An attempt failed: the next endpoint is tried at once while some of this round's are untried;
     * once all have failed, reconnecting pauses by the backoff, and a first {@code connect()} fails.
     */
    private void onAttemptFailed(P3Endpoint target, Throwable cause) {
        lastAttemptFailure = cause;
        LOG.debug("connecting to {} failed: {}", target, describe(cause));
        moveToNextEndpoint();
        failedInRound++;
        if (failedInRound < settings.endpoints().size()) {
            attempt();
        } else if (retrying) {
            failedInRound = 0;
            scheduleAttempt();
        } else {
            giveUp(new ConnectionFailedException("cannot connect to " + allEndpoints() + ": "
                    + describe(cause), cause));
        }
    }

    private void moveToNextEndpoint() {
        current = (current + 1) % settings.endpoints().size();
    }

    private String allEndpoints() {
        List<P3Endpoint> endpoints = settings.endpoints();
        return endpoints.size() == 1 ? endpoints.get(0).toString() : "any of " + endpoints;
    }

    /**
     * Ends a connecting sequence that failed: the requests waiting for the connection fail, and when
     * reconnecting gave up, so do the transactions being recovered (a single failed {@code connect()}
     * leaves them to their next poll, which starts reconnecting again).
     */
    private void giveUp(ConnectionFailedException failure) {
        state = everOpened ? State.DISCONNECTED : State.NEW;
        ready = false;
        reconnectDeadlineNanos = 0;
        attempt = 0;
        LOG.debug("{}", failure.getMessage());
        if (retrying) {
            notifyListener(() -> settings.listener().onReconnectFailed(failure));
        }
        readyFuture.completeExceptionally(failure);
        for (ClientOperation<?> operation : new ArrayList<>(outbox)) {
            operation.failUnsent(failure);
        }
        outbox.clear();
        if (retrying) {
            for (TransactionOperation transaction : new ArrayList<>(recovering)) {
                transaction.failSent(failure);
            }
        }
    }

    private void failAll(PayClientException closed) {
        for (ClientOperation<?> operation : new ArrayList<>(inFlight.values())) {
            operation.failSent(closed);
        }
        for (ClientOperation<?> operation : new ArrayList<>(outbox)) {
            operation.failUnsent(closed);
        }
        for (TransactionOperation transaction : new ArrayList<>(recovering)) {
            transaction.failSent(closed);
        }
        inFlight.clear();
        outbox.clear();
        recovering.clear();
    }

    private PayClientException closed() {
        return new PayClientException("PayClient for " + allEndpoints() + " is closed");
    }

    private void notifyListener(Runnable callback) {
        settings.callbacks().execute(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("PayClientListener failed", e);
            }
        });
    }

    private static void relay(CompletableFuture<Void> from, CompletableFuture<Void> to) {
        from.whenComplete((ignored, error) -> {
            if (error == null) {
                to.complete(null);
            } else {
                to.completeExceptionally(unwrap(error));
            }
        });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** The exception's message, or its class name when it has none (a bare ClosedChannelException). */
    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
