package io.tillgate.admin.terminal;

import java.util.List;
import java.util.function.Consumer;

/** The gateway's terminals, for the operator's board; the gateway puts their health and work together. */
public interface TerminalBoard {

    /** Every configured terminal, in configuration order. Cheap: answers from memory. */
    List<TerminalView> terminals();

    /** Calls {@code listener} with a terminal's new view whenever its state changes; must not block. */
    void subscribe(Consumer<TerminalView> listener);
}
