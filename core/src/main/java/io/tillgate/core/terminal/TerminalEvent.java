package io.tillgate.core.terminal;

import java.util.Objects;

/**
 * Something that happened at the terminal that is neither progress nor a question.
 *
 * @param type what happened
 * @param detail a human-readable detail, never card data
 */
public record TerminalEvent(Type type, String detail) {

    /** Kinds of event. */
    public enum Type {
        CARD_INSERTED,
        CARD_REMOVED,
        CARD_READ_ERROR,
        /**
         * The simulated flow's cents 96: the front-end must drop the POS connection before it
         * delivers the result, so that the POS has to recover it.
         */
        DROP_POS_CONNECTION
    }

    public TerminalEvent {
        Objects.requireNonNull(type, "type");
        detail = detail == null ? "" : detail;
    }
}
