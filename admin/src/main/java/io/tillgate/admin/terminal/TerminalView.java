package io.tillgate.admin.terminal;

import java.time.Instant;
import java.util.Objects;

/**
 * A terminal as the operator sees it on the board.
 *
 * @param id the configured id
 * @param name the configured display name
 * @param protocol how the gateway speaks to it: {@code simulated}, {@code concert}, {@code ipp}, {@code nexo}
 * @param state what it is doing
 * @param lastSeen when it last answered, or {@code null} if never
 * @param lastChecked when it was last asked, or {@code null} if never
 * @param lastFailure why it did not answer the last time, or {@code null}
 * @param transactionId the transaction it runs when {@link TerminalState#BUSY}, else {@code null}
 */
public record TerminalView(String id, String name, String protocol, TerminalState state, Instant lastSeen,
        Instant lastChecked, String lastFailure, String transactionId) {

    /** What a terminal is doing, as far as the gateway knows. */
    public enum TerminalState {
        /** Reachable and free. */
        IDLE,
        /** Running a transaction. */
        BUSY,
        /** Did not answer its last health check. */
        OFFLINE,
        /** Not checked yet. */
        UNKNOWN
    }

    public TerminalView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }
}
