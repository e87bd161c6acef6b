package io.tillgate.core.terminal;

/** Where a terminal is in its card flow; each protocol maps these to its own state names. */
public enum TerminalPhase {
    CONNECTING,
    INITIALIZING,
    WAITING_FOR_CARD,
    READING_CARD,
    WAITING_FOR_PIN,
    ACTION_REQUIRED,
    PROCESSING,
    WAITING_FOR_CARD_REMOVAL
}
