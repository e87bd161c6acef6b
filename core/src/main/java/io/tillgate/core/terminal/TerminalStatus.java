package io.tillgate.core.terminal;

import java.util.List;
import java.util.Objects;

/**
 * A progress report from a terminal.
 *
 * @param phase where the card flow is
 * @param display the two display lines the terminal shows (the second may be empty)
 * @param abortable whether an abort requested now can still stop the transaction
 */
public record TerminalStatus(TerminalPhase phase, List<String> display, boolean abortable) {

    public TerminalStatus {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(display, "display");
        if (display.size() != 2) {
            throw new IllegalArgumentException("display has exactly two lines, got " + display.size());
        }
        display = List.copyOf(display);
    }

    public static TerminalStatus of(TerminalPhase phase, String line1, String line2, boolean abortable) {
        return new TerminalStatus(phase, List.of(line1, line2), abortable);
    }
}
