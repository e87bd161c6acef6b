package io.tillgate.journal.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Optional;

/**
 * Rendezvous (highest random weight) hashing: each terminal belongs to the live node with the
 * highest weight for it. Every node computes the same answer from the same list of nodes, and when
 * a node joins or leaves only the terminals it wins or held move.
 */
public final class Rendezvous {

    private Rendezvous() {
    }

    /** The node the terminal belongs to, empty when there is none. */
    public static Optional<String> owner(String terminalId, Collection<String> nodeIds) {
        String best = null;
        long bestWeight = 0;
        for (String node : nodeIds) {
            long weight = weight(node, terminalId);
            if (best == null || Long.compareUnsigned(weight, bestWeight) > 0
                    || (weight == bestWeight && node.compareTo(best) < 0)) {
                best = node;
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A stable, well-spread weight: the first eight bytes of SHA-256 over node and terminal. */
    static long weight(String nodeId, String terminalId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nodeId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(terminalId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
