package io.tillgate.p3.node;

import java.util.Optional;

/**
 * How a node logs in to another node's P3 listener (a Tillgate extension, docs/protocols/p3.md): an
 * ordinary LOGIN_MERCHANT_REQUEST whose {@code merchantIdentifier} is {@code tillgate-node:} and the
 * node's id, with the cluster secret as {@code merchantSecret}. No merchant id may start so.
 */
public final class NodeLogin {

    public static final String PREFIX = "tillgate-node:";

    private NodeLogin() {
    }

    /** The logging-in node's id, when {@code merchantIdentifier} names a node. */
    public static Optional<String> nodeId(String merchantIdentifier) {
        return merchantIdentifier != null && merchantIdentifier.startsWith(PREFIX)
                ? Optional.of(merchantIdentifier.substring(PREFIX.length()))
                : Optional.empty();
    }

    static String merchantIdentifier(String nodeId) {
        return PREFIX + nodeId;
    }
}
