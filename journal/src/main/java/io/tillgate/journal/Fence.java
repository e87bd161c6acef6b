package io.tillgate.journal;

import java.util.Objects;

/**
 * The fencing token a cluster node's journal write carries: the node and the epoch of its lease of
 * the transaction's terminal. The database refuses the write unless the lease still has this holder
 * and this epoch (docs/cluster.md).
 */
public record Fence(String nodeId, long epoch) {

    public Fence {
        Objects.requireNonNull(nodeId, "nodeId");
        if (epoch < 1) {
            throw new IllegalArgumentException("a lease epoch starts at 1, not " + epoch);
        }
    }
}
