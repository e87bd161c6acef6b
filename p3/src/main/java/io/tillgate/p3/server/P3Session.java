package io.tillgate.p3.server;

import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.core.service.TransactionLookup;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.text.PeerText;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.p3.codec.AbortTransactionRequest;
import io.tillgate.p3.codec.AbortTransactionResponse;
import io.tillgate.p3.codec.AmendTransactionRequest;
import io.tillgate.p3.codec.ExecuteTransactionRequest;
import io.tillgate.p3.codec.LoginMerchantRequest;
import io.tillgate.p3.codec.LoginMerchantResponse;
import io.tillgate.p3.codec.P3Body;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageType;
import io.tillgate.p3.codec.P3Validation;
import io.tillgate.p3.codec.QueryTransactionRequest;
import io.tillgate.p3.codec.QueryTransactionResponse;
import io.tillgate.p3.codec.SubmitSignatureRequest;
import io.tillgate.p3.codec.SubmitSignatureResponse;
import io.tillgate.p3.node.NodeLogin;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POS connection's conversation, whichever transport carries it: login state, the requests
 * it sends and the transactions it watches (docs/protocols/p3.md §3, §11). Requests arrive on the connection's
 * event loop and are never blocked on: every gateway call returns a future, and its answer is
 * written from whatever thread completes it. When the connection closes, the session stops
 * watching its transactions; they go on and stay queryable.
 */
final class P3Session {

    private static final Logger LOG = LoggerFactory.getLogger(P3Session.class);

    private static final Set<String> PROVIDER_MODES = Set.of("MOCK", "JUNGLE", "TEST", "TEST_FIXED", "LIVE",
            "LIVE_FIXED");

    private final P3ServerContext context;
    private final PaymentService payments;
    private final P3Outbox outbox;
    /**
     * The transactions this connection watches: created by its first transaction, so an idle
     * connection does not carry an empty concurrent set. Written on the event loop only.
     */
    private volatile Set<P3OperationObserver> watching;
    private volatile boolean closed;

    /** The logged-in merchant and its mapper; read and written on the event loop only. */
    private Merchant merchant;
    private P3TransactionMapper mapper;
    /** The node logged in on this connection instead of a merchant; {@code null} on a POS connection. */
    private P3NodeConnection node;

    P3Session(P3ServerContext context, P3Outbox outbox) {
        this.context = context;
        this.payments = context.payments();
        this.outbox = outbox;
    }

    /** A message the codec could read. */
    void onMessage(P3Message message) {
        if (!message.type().isRequest()) {
            onUnreadable(new P3DecodingException(P3ErrorType.PARAMETER_INVALID, "type",
                    message.type() + " is not a request", null, message.tag(), message.resource()));
            return;
        }
        try {
            dispatch(message);
        } catch (P3DecodingException e) {
            refuse(message, e.toError());
        } catch (P3Refusal e) {
            refuse(message, e.error());
        } catch (RuntimeException e) {
            LOG.error("P3 {} {} (tag {}) failed unexpectedly", outbox.peer(), message.type(), clip(message.tag()), e);
            refuse(message, P3ErrorMapper.of(P3ErrorType.INTERNAL_INCONSISTENCY,
                    "unexpected " + e.getClass().getSimpleName()));
        }
    }

    /** A message the codec could not read: answered naming the field, the connection stays usable. */
    void onUnreadable(P3DecodingException failure) {
        LOG.info("P3 {} unreadable {} (tag {}): {} {}", outbox.peer(), failure.messageType().map(Enum::name).orElse("message"),
                clip(failure.tag()), failure.errorType(), failure.getMessage());
        outbox.reply(failure.errorResponse().orElseGet(() -> P3Message.error(P3MessageType.ERROR_RESPONSE, failure.tag(),
                failure.resource(), failure.toError())));
    }

    /** The connection closed: stop watching, let the transactions finish on their own. */
    void onClosed() {
        closed = true;
        Set<P3OperationObserver> watched = watching;
        if (watched != null) {
            for (P3OperationObserver observer : watched) {
                stopWatching(observer);
            }
        }
    }

    private void dispatch(P3Message message) {
        if (message.type() == P3MessageType.LOGIN_MERCHANT_REQUEST) {
            login(message);
            return;
        }
        if (node != null) {
            forwarded(message);
            return;
        }
        Merchant current = currentMerchant(message);
        switch (message.type()) {
            case EXECUTE_TRANSACTION_REQUEST -> execute(message, current);
            case ABORT_TRANSACTION_REQUEST -> abort(message, current);
            case SUBMIT_SIGNATURE_REQUEST -> signature(message, current);
            case AMEND_TRANSACTION_REQUEST -> amend(message, current);
            case QUERY_TRANSACTION_REQUEST -> query(message, current);
            default -> throw new IllegalStateException("unhandled request type " + message.type());
        }
    }

    /**
     * The logged-in merchant as the configuration now defines it: a reload may have given it other
     * terminals or receipt details. A merchant a reload removed, or whose secret it changed, must log
     * in again.
     */
    private Merchant currentMerchant(P3Message message) {
        Merchant loggedIn = merchant;
        if (loggedIn == null) {
            throw new P3Refusal(P3ErrorType.SERVER_AUTHENTICATION_FAILED,
                    "log in with LOGIN_MERCHANT_REQUEST before sending " + message.type());
        }
        Optional<Merchant> now = context.merchants().find(loggedIn.id());
        if (now.isEmpty() || !now.get().secretMatches(loggedIn.secret())) {
            merchant = null;
            mapper = null;
            throw new P3Refusal(P3ErrorType.SERVER_AUTHENTICATION_FAILED, "merchant " + loggedIn.id()
                    + (now.isEmpty() ? " is no longer configured" : "'s secret was changed")
                    + " since this connection logged in; log in again");
        }
        if (!now.get().equals(loggedIn)) {
            merchant = now.get();
            mapper = context.mapperFor(merchant);
        }
        return merchant;
    }

    /**
     * Logs a merchant in, unless its source must wait or is locked out after failed attempts
     * ({@link LoginThrottle}), or, under mutual TLS, its client certificate names another merchant
     * (a certificate's common name is the merchant it may log in as); a failed or refused attempt
     * also ends an earlier login on this connection.
     */
    private void login(P3Message message) {
        LoginMerchantRequest body = message.body(LoginMerchantRequest.class);
        String providerMode = P3Validation.require(body.providerMode(), "loginMerchantRequest.providerMode");
        String id = P3Validation.require(body.merchantIdentifier(), "loginMerchantRequest.merchantIdentifier");
        String secret = P3Validation.require(body.merchantSecret(), "loginMerchantRequest.merchantSecret");
        if (!PROVIDER_MODES.contains(providerMode.toUpperCase(Locale.ROOT))) {
            throw P3Validation.invalid("loginMerchantRequest.providerMode", "expected one of "
                    + "MOCK, JUNGLE, TEST, TEST_FIXED, LIVE, LIVE_FIXED, got '" + clip(providerMode) + "'");
        }
        node = null;
        Optional<String> nodeId = NodeLogin.nodeId(id);
        if (nodeId.isPresent()) {
            merchant = null;
            mapper = null;
            node = P3NodeConnection.logIn(context, outbox, nodeId.get(), secret);
            LOG.info("P3 {} logged in node {}", outbox.peer(), clip(nodeId.get()));
            outbox.reply(P3Message.ok(message, new LoginMerchantResponse(context.config().information(), List.of())));
            return;
        }
        Optional<String> certified = outbox.clientCertificateName();
        if (certified.isPresent() && !certified.get().equals(id)) {
            merchant = null;
            mapper = null;
            throw new P3Refusal(P3ErrorType.SERVER_AUTHENTICATION_FAILED, "this connection's client certificate "
                    + "is for merchant '" + clip(certified.get()) + "', not '" + clip(id) + "'");
        }
        LoginThrottle.Key key = new LoginThrottle.Key(outbox.sourceAddress(), clip(id));
        LoginThrottle.Verdict<Merchant> verdict = context.loginThrottle().attempt(key,
                () -> context.merchants().authenticate(id, secret));
        if (verdict.admitted().isEmpty()) {
            merchant = null;
            mapper = null;
            throw new P3Refusal(P3ErrorType.SERVER_AUTHENTICATION_FAILED, verdict.refusal());
        }
        merchant = verdict.admitted().get();
        mapper = context.mapperFor(merchant);
        LOG.debug("P3 {} logged in merchant {}", outbox.peer(), merchant.id());
        outbox.reply(P3Message.ok(message, new LoginMerchantResponse(context.config().information(),
                context.devicesOf(merchant))));
    }

    /** A request on a connection a node logged in on (see {@link P3NodeConnection}). */
    private void forwarded(P3Message message) {
        String deviceId = node.device(message);
        switch (message.type()) {
            case EXECUTE_TRANSACTION_REQUEST -> {
                P3NodeConnection.Forwarded forwarded = node.execute(message, deviceId, outbox.eventLoop());
                watch(message, forwarded.request(), new P3ExecuteObserver(message, outbox, forwarded.mapper(),
                        this::finished));
            }
            case ABORT_TRANSACTION_REQUEST -> answer(message, payments.abort(node.merchantOf(deviceId), deviceId,
                    message.body(AbortTransactionRequest.class).transactionIdentifier()),
                    new AbortTransactionResponse());
            case SUBMIT_SIGNATURE_REQUEST -> answer(message, payments.answer(node.merchantOf(deviceId), deviceId,
                    P3CommandReader.signature(message.body(SubmitSignatureRequest.class))),
                    new SubmitSignatureResponse());
            default -> throw new P3Refusal(P3ErrorType.PARAMETER_INVALID, "a node connection forwards "
                    + "EXECUTE_TRANSACTION, ABORT_TRANSACTION and SUBMIT_SIGNATURE requests, not " + message.type());
        }
    }

    private void execute(P3Message message, Merchant current) {
        String deviceId = device(message, current);
        P3NodeConnection.refuseNodeFields(message.body(ExecuteTransactionRequest.class).transactionParameters(),
                "executeTransactionRequest");
        PaymentCommand command = P3CommandReader.charge(message.body(ExecuteTransactionRequest.class));
        watch(message, request(current, deviceId, message, command),
                new P3ExecuteObserver(message, outbox, mapper, this::finished));
    }

    /**
     * The tag is the message's identity; the {@code customIdentifier} keeps P3's promise that a
     * retry after an approval gets the approval (docs/protocols/identity.md).
     */
    private PaymentRequest request(Merchant current, String deviceId, P3Message message, PaymentCommand command) {
        return new PaymentRequest(current.id(), deviceId, P3CommandReader.PROTOCOL, message.tag(), command,
                ReferenceRule.RETRY_RETURNS_APPROVAL, outbox.eventLoop());
    }

    private void amend(P3Message message, Merchant current) {
        requireRoot(message);
        P3NodeConnection.refuseNodeFields(message.body(AmendTransactionRequest.class).transactionParameters(),
                "amendTransactionRequest");
        PaymentCommand command = P3CommandReader.amend(message.body(AmendTransactionRequest.class));
        watch(message, request(current, null, message, command),
                new P3AmendObserver(message, outbox, mapper, this::finished, payments, current.id()));
    }

    private void abort(P3Message message, Merchant current) {
        String deviceId = device(message, current);
        String transactionId = message.body(AbortTransactionRequest.class).transactionIdentifier();
        answer(message, payments.abort(current.id(), deviceId, transactionId), new AbortTransactionResponse());
    }

    private void signature(P3Message message, Merchant current) {
        String deviceId = device(message, current);
        ActionAnswer.Signature signature = P3CommandReader.signature(message.body(SubmitSignatureRequest.class));
        answer(message, payments.answer(current.id(), deviceId, signature), new SubmitSignatureResponse());
    }

    private void query(P3Message message, Merchant current) {
        requireRoot(message);
        TransactionLookup lookup = P3CommandReader.lookup(message.body(QueryTransactionRequest.class));
        P3TransactionMapper queryMapper = mapper;
        payments.find(current.id(), lookup).whenComplete((found, failure) -> {
            if (failure != null) {
                refuse(message, P3ErrorMapper.fromPayment(PaymentException.from(failure), message.type()));
            } else if (found.isEmpty()) {
                refuse(message, P3ErrorMapper.of(P3ErrorType.TRANSACTION_REFERENCE_NOT_FOUND,
                        "no transaction " + describe(lookup)));
            } else {
                outbox.reply(P3Message.ok(message, new QueryTransactionResponse(queryMapper.toP3(found.get()))));
            }
        });
    }

    /** Starts (or joins) a transaction and keeps {@code observer} watching it while the connection lasts. */
    private void watch(P3Message message, PaymentRequest request, P3OperationObserver observer) {
        if (watching == null) {
            watching = ConcurrentHashMap.newKeySet();
        }
        watching.add(observer);
        payments.execute(request, observer).whenComplete((started, failure) -> {
            if (failure != null) {
                watching.remove(observer);
                refuse(message, P3ErrorMapper.fromPayment(PaymentException.from(failure), message.type()));
                return;
            }
            observer.started(started);
            if (closed) {
                stopWatching(observer);
            }
        });
    }

    /** Answers a request routed to the running transaction: OK once routed, or the refusal. */
    private void answer(P3Message message, CompletableFuture<TransactionRecord> routed, P3Body okBody) {
        routed.whenComplete((transaction, failure) -> {
            if (failure != null) {
                refuse(message, P3ErrorMapper.fromPayment(PaymentException.from(failure), message.type()));
            } else {
                outbox.reply(P3Message.ok(message, okBody));
            }
        });
    }

    private void finished(P3OperationObserver observer) {
        watching.remove(observer);
    }

    private void stopWatching(P3OperationObserver observer) {
        String transactionId = observer.transactionId();
        if (transactionId != null && watching.remove(observer) && !observer.isFinished()) {
            payments.detach(transactionId, observer);
            LOG.debug("P3 {} gone; transaction {} goes on without it", outbox.peer(), transactionId);
        }
    }

    private String device(P3Message message, Merchant current) {
        Optional<String> deviceId = message.deviceIdentifier();
        if (deviceId.isEmpty() || !context.mayUse(current, deviceId.get())) {
            throw new P3Refusal(P3ErrorType.ACCESSORY_NOT_FOUND, "resource '" + clip(message.resource())
                    + "' is not a device of merchant " + current.id());
        }
        return deviceId.get();
    }

    private static void requireRoot(P3Message message) {
        if (!message.isRootResource()) {
            throw P3Validation.invalid("resource", message.type() + " addresses the root resource '/', not '"
                    + clip(message.resource()) + "'");
        }
    }

    private void refuse(P3Message request, P3Error error) {
        LOG.info("P3 {} refused {} (tag {}): {} {}", outbox.peer(), request.type(), clip(request.tag()), error.type(),
                error.developerMessage());
        outbox.reply(P3Message.errorFor(request, error));
    }

    private static String describe(TransactionLookup lookup) {
        if (lookup instanceof TransactionLookup.ById byId) {
            return "with identifier '" + clip(byId.id()) + "'";
        }
        if (lookup instanceof TransactionLookup.ByReference byReference) {
            return "with customIdentifier '" + clip(byReference.reference()) + "'";
        }
        return "for tag '" + clip(((TransactionLookup.ByRequestReference) lookup).requestReference()) + "'";
    }

    private static String clip(String value) {
        return value == null ? "none" : PeerText.clip(value);
    }
}
