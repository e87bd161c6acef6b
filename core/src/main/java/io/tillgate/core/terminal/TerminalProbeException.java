package io.tillgate.core.terminal;

import java.util.Objects;

/**
 * A terminal did not answer its health probe ({@link Terminal#probe()}) as its protocol says it
 * should. The message names the terminal and what failed; it never carries card data, since a
 * probe asks nothing about a card.
 */
public final class TerminalProbeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What became of the probe. */
    public enum Failure {
        /** No connection: refused, unresolvable, or the connect timed out. Nothing was sent. */
        UNREACHABLE("is unreachable"),
        /** The question was sent but no answer came back in time, or the connection was lost. */
        NO_ANSWER("did not answer"),
        /** The terminal answered something other than the protocol's "I am here". */
        UNEXPECTED_ANSWER("answered unexpectedly"),
        /** Not probed: the terminal runs a transaction, which a probe must never disturb. */
        BUSY("runs a transaction");

        private final String wording;

        Failure(String wording) {
            this.wording = wording;
        }
    }

    private final String terminalId;
    private final Failure failure;

    /**
     * @param terminalId the terminal probed
     * @param failure what became of the probe
     * @param detail what the driver saw, e.g. {@code cannot connect to 10.0.0.5:8888: Connection refused}
     */
    public TerminalProbeException(String terminalId, Failure failure, String detail) {
        super("terminal " + terminalId + " " + failure.wording + ": " + Objects.requireNonNull(detail, "detail"),
                null, false, false);
        this.terminalId = terminalId;
        this.failure = failure;
    }

    public String terminalId() {
        return terminalId;
    }

    public Failure failure() {
        return failure;
    }
}
