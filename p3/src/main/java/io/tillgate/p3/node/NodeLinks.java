package io.tillgate.p3.node;

import io.netty.channel.EventLoopGroup;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentError;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.RequestForwarder;
import io.tillgate.core.service.TerminalPlacement;
import io.tillgate.tls.ClientTls;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards requests to the node that drives their terminal over P3 (docs/cluster.md): one long-lived
 * WebSocket connection per peer node ({@code wss://} when the listeners use TLS), opened on first use,
 * logged in with the cluster secret and multiplexed by tag; reconnected on the next request after a
 * loss, with a growing pause after failed attempts so an unreachable node is not hammered.
 */
public final class NodeLinks implements RequestForwarder, AutoCloseable {

    /**
     * @param nodeId this node, as it logs in
     * @param secret the cluster secret
     * @param group the event loops the links run on
     * @param tls how to check the peers' certificates (and present this node's) when the nodes' P3
     *     listeners use TLS; {@code null} for plaintext
     * @param connectTimeout how long to wait for a peer's connection, TLS and WebSocket handshake
     * @param maxFrameBytes the largest P3 message accepted
     */
    public record Settings(String nodeId, ClusterSecret secret, EventLoopGroup group, ClientTls tls,
            Duration connectTimeout, int maxFrameBytes, Clock clock) {
        public Settings {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Settings settings;
    private final Map<String, NodeLink> links = new ConcurrentHashMap<>();

    public NodeLinks(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public CompletableFuture<Forwarding> forward(PaymentRequest request, TerminalPlacement.Holder holder,
            ForwardListener listener) {
        PaymentKind kind = request.command().kind();
        if (kind == PaymentKind.REVERSAL) {
            return CompletableFuture.failedFuture(new PaymentException(PaymentError.TERMINAL_ELSEWHERE, "terminal "
                    + request.terminalId() + " is driven by node " + holder.nodeId() + " at " + holder.address()
                    + "; a " + kind + " is not forwarded between nodes, send it to that node"));
        }
        NodeLink link = links.computeIfAbsent(holder.address(),
                address -> new NodeLink(settings, address, settings.group().next()));
        return link.forward(request, holder.nodeId(), listener);
    }

    @Override
    public void close() {
        links.values().forEach(NodeLink::close);
        links.clear();
    }
}
