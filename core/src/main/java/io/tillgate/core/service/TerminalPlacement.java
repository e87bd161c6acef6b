package io.tillgate.core.service;

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
     * Empty when this node drives the terminal now; otherwise why not, in words for the POS and the
     * log, naming the node that does where it is known.
     */
    Optional<String> elsewhere(String terminalId);
}
