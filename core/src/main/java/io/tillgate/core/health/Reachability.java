package io.tillgate.core.health;

/** Whether a terminal answers, as its last health probe found. */
public enum Reachability {
    /** Not probed yet. */
    UNKNOWN,
    /** It answered its last probe, or ended a transaction with its own answer since. */
    ONLINE,
    /** Its last probe failed: payments on it fail too until it answers again. */
    OFFLINE
}
