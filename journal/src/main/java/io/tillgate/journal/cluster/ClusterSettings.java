package io.tillgate.journal.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One node of a cluster of gateways on a PostgreSQL journal.
 *
 * @param nodeId the node's name, the same across restarts: leases and history steps name it
 * @param address where other nodes and operators reach this node ({@code host:port}), shown to a POS
 *     sent to the wrong node; may be {@code null}
 * @param leaseTime how long a terminal lease lasts without renewal: a stopped node's terminals move
 *     to another node within about this long
 */
public record ClusterSettings(String nodeId, String address, Duration leaseTime) {

    public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(10);
    /** The shortest lease: renewals, every third of it, must not crowd the database. */
    public static final Duration MIN_LEASE_TIME = Duration.ofMillis(500);
    /** Letters, digits, dot, dash and underscore: safe in logs, file names and the status table. */
    public static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ClusterSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(leaseTime, "leaseTime");
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("node id '" + nodeId
                    + "' must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        if (leaseTime.compareTo(MIN_LEASE_TIME) < 0) {
            throw new IllegalArgumentException("lease time must be at least " + MIN_LEASE_TIME.toMillis()
                    + " ms, was " + leaseTime.toMillis() + " ms");
        }
    }

    /** How often heartbeats and leases are renewed: three times per lease. */
    public Duration renewEvery() {
        return leaseTime.dividedBy(3);
    }
}
