package io.tillgate.core.health;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway knows about one terminal's health.
 *
 * @param terminalId the terminal
 * @param reachability whether it answers
 * @param lastSeen when it last answered: a probe, or the outcome of a transaction it reported
 *     itself; {@code null} if never
 * @param lastChecked when it was last probed, {@code null} if never
 * @param lastFailure why the last failed probe failed, kept after the terminal is back; {@code null}
 *     if none failed. Names the terminal and the connection problem, never card data.
 */
public record TerminalHealth(String terminalId, Reachability reachability, Instant lastSeen, Instant lastChecked,
        String lastFailure) {

    public TerminalHealth {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(reachability, "reachability");
    }

    /** A terminal not probed yet. */
    public static TerminalHealth unknown(String terminalId) {
        return new TerminalHealth(terminalId, Reachability.UNKNOWN, null, null, null);
    }

    /** It answered at {@code at}, to a probe or in a transaction. */
    TerminalHealth answered(Instant at, boolean probed) {
        Instant seen = lastSeen != null && lastSeen.isAfter(at) ? lastSeen : at;
        return new TerminalHealth(terminalId, Reachability.ONLINE, seen, probed ? at : lastChecked, lastFailure);
    }

    /** Its probe at {@code at} failed because of {@code failure}. */
    TerminalHealth failed(Instant at, String failure) {
        return new TerminalHealth(terminalId, Reachability.OFFLINE, lastSeen, at, failure);
    }
}
