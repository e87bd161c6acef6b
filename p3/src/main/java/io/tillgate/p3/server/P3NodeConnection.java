package io.tillgate.p3.server;

import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.text.PeerText;
import io.tillgate.p3.codec.ExecuteTransactionRequest;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Validation;
import io.tillgate.p3.codec.TransactionParameters;
import io.tillgate.p3.node.ClusterSecret;
import io.tillgate.p3.node.ForwardedFields;
import io.tillgate.p3.node.NodeLogin;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A P3 connection on which another node of the cluster logged in with the cluster secret to forward
 * requests for the terminals this node drives (docs/cluster.md, docs/protocols/p3.md §3.11). Its
 * execute requests run under the merchant, protocol, request reference and reference rule they carry,
 * and are never forwarded again; its aborts and signatures reach the transactions it forwarded.
 */
final class P3NodeConnection {

    /** A forwarded execute request, and the mapper of the merchant it runs for. */
    record Forwarded(PaymentRequest request, P3TransactionMapper mapper) {
    }

    private final P3ServerContext context;
    private final String nodeId;
    /** The merchant of each terminal this connection forwarded a transaction to, for its abort and signature. */
    private final Map<String, String> merchants = new ConcurrentHashMap<>();

    private P3NodeConnection(P3ServerContext context, String nodeId) {
        this.context = context;
        this.nodeId = nodeId;
    }

    /**
     * Logs a node in, throttled like a merchant's login.
     *
     * @throws P3Refusal when the secret is wrong, the source must wait, or this node has no secret
     */
    static P3NodeConnection logIn(P3ServerContext context, P3Outbox outbox, String nodeId, String secret) {
        Optional<ClusterSecret> expected = context.nodeSecret();
        LoginThrottle.Key key = new LoginThrottle.Key(outbox.sourceAddress(), PeerText.clip(NodeLogin.PREFIX + nodeId));
        LoginThrottle.Verdict<String> verdict = context.loginThrottle().attempt(key,
                () -> expected.filter(s -> s.matches(secret)).map(s -> nodeId));
        if (verdict.admitted().isEmpty()) {
            throw new P3Refusal(P3ErrorType.SERVER_AUTHENTICATION_FAILED, expected.isEmpty()
                    ? "this gateway takes no node logins: it has no journal.cluster.secret" : verdict.refusal());
        }
        return new P3NodeConnection(context, nodeId);
    }

    String nodeId() {
        return nodeId;
    }

    /** The device a forwarded request addresses. */
    String device(P3Message message) {
        return message.deviceIdentifier().orElseThrow(() -> new P3Refusal(P3ErrorType.ACCESSORY_NOT_FOUND,
                "a node forwards requests to devices, not to '" + PeerText.clip(message.resource()) + "'"));
    }

    /** The payment a forwarded execute request asks for, as its POS sent it to the forwarding node. */
    Forwarded execute(P3Message message, String deviceId, Executor eventLoop) {
        ExecuteTransactionRequest body = message.body(ExecuteTransactionRequest.class);
        ForwardedFields fields = ForwardedFields.read(
                body.transactionParameters() == null ? null : body.transactionParameters().metadata());
        Merchant owner = context.merchants().find(fields.merchantId()).filter(m -> m.owns(deviceId))
                .orElseThrow(() -> new P3Refusal(P3ErrorType.ACCESSORY_NOT_FOUND, "device '" + PeerText.clip(deviceId)
                        + "' is not a device of merchant '" + PeerText.clip(fields.merchantId()) + "' on this node"));
        PaymentRequest request = new PaymentRequest(owner.id(), deviceId, fields.protocol(), fields.requestReference(),
                P3CommandReader.forwarded(body), fields.referenceRule(), eventLoop).asForwarded();
        merchants.put(deviceId, owner.id());
        return new Forwarded(request, context.mapperFor(owner));
    }

    /** The merchant of the transaction this connection forwarded to the device. */
    String merchantOf(String deviceId) {
        String owner = merchants.get(deviceId);
        if (owner == null) {
            throw new P3Refusal(P3ErrorType.TRANSACTION_REFERENCE_NOT_FOUND, "this node connection forwarded no "
                    + "transaction to device '" + PeerText.clip(deviceId) + "'");
        }
        return owner;
    }

    /** Refuses the {@code tillgate.node.*} metadata keys on a POS connection: they come from other nodes only. */
    static void refuseNodeFields(TransactionParameters parameters, String path) {
        if (parameters != null && ForwardedFields.present(parameters.metadata())) {
            throw P3Validation.invalid(path + ".transactionParameters.metadata", ForwardedFields.KEY_PREFIX
                    + "* keys are accepted only from another node of the cluster");
        }
    }
}
