package io.tillgate.journal;

import java.util.Optional;

/** Where a cluster node's journal finds the fence of a new transaction: its lease of the terminal. */
@FunctionalInterface
public interface Fencing {

    /** This node's lease of the terminal as it last renewed it; empty when it holds none. */
    Optional<Fence> fenceFor(String terminalId);
}
