package io.tillgate.journal.cluster;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What a cluster node's payment side does when terminals come and go. */
public interface LeaseListener {

    /**
     * This node has just taken the terminals: at start-up, or from a node that stopped renewing.
     * Completes once what was left unfinished on them is recovered; until then no new transaction
     * starts on them here.
     *
     * @param fromAnotherNode whether another node held them before
     */
    CompletableFuture<?> taken(Set<String> terminalIds, boolean fromAnotherNode);

    /** Whether the terminal runs no transaction here, so its lease may go to the node it belongs to. */
    boolean idle(String terminalId);
}
