package io.tillgate.core.health;

/**
 * Told when a terminal's {@link Reachability} changes. Called on the thread that learnt of the
 * change (a probe's completion, the journal's); must return at once and never block.
 */
@FunctionalInterface
public interface TerminalHealthListener {

    /**
     * @param previous the health before the change
     * @param current the health now, with another reachability than {@code previous}
     */
    void reachabilityChanged(TerminalHealth previous, TerminalHealth current);
}
