package io.tillgate.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * Which node drives each terminal. A single gateway drives all of its terminals; a cluster node only
 * those it holds the lease of (docs/cluster.md). Asked at admission, so it must answer from memory.
 */
@FunctionalInterface
public interface TerminalPlacement {

    /** Every terminal is driven here: a gateway that is not part of a cluster. */
    TerminalPlacement LOCAL = terminalId -> Optional.empty();

    /**
     * Another node that drives a terminal now, as this node last read the leases.
     *
     * @param nodeId the node's id
     * @param address where its P3 listener is reached ({@code host:port})
     */
    record Holder(String nodeId, String address) {
        public Holder {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Empty when this node drives the terminal now; otherwise why not, in words for the POS and the
     * log, naming the node that does where it is known.
     */
    Optional<String> elsewhere(String terminalId);

    /**
     * The live node that drives the terminal when it is not this one and its address is known: where a
     * request for it is forwarded. Empty when this node drives it, or no other node is known to.
     */
    default Optional<Holder> holder(String terminalId) {
        return Optional.empty();
    }
}
