package io.tillgate.core.terminal;

import java.util.Objects;

/**
 * A pause in the card flow that needs an answer from the POS.
 *
 * @param type what is asked
 * @param prompt what the terminal shows, for the cashier
 */
public record TerminalAction(Type type, String prompt) {

    /** The kinds of question a terminal can ask. */
    public enum Type {
        /** The customer must sign; answered by {@link ActionAnswer.Signature}. */
        SIGNATURE,
        /** The merchant must confirm (e.g. a signature check); answered by {@link ActionAnswer.Confirmation}. */
        CONFIRMATION
    }

    public TerminalAction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prompt, "prompt");
    }
}
