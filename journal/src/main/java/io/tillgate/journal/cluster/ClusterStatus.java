package io.tillgate.journal.cluster;

import io.tillgate.journal.JournalSettings;
import io.tillgate.journal.internal.ConnectionFactory;
import io.tillgate.journal.internal.LeaseTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The cluster as the journal's tables show it now: for operators ({@code tillgate cluster status}). */
public record ClusterStatus(List<Node> nodes, List<Lease> leases) {

    /** A node and how long ago it last renewed its heartbeat, by the database's clock. */
    public record Node(String nodeId, String address, Instant startedAt, Instant heartbeatAt, Duration heartbeatAge) {
    }

    /** A terminal's lease; {@code remaining} is negative once it has run out. */
    public record Lease(String terminalId, String holder, long epoch, Duration remaining) {

        public boolean live() {
            return remaining.compareTo(Duration.ZERO) > 0;
        }
    }

    /** Reads the cluster's tables; blocks for two queries. */
    public static ClusterStatus read(JournalSettings journal) {
        try (LeaseTable table = new LeaseTable(new ConnectionFactory(journal))) {
            List<Node> nodes = table.nodes().stream().map(n -> new Node(n.nodeId(), n.address(),
                    instant(n.startedAtMicros()), instant(n.heartbeatAtMicros()), n.heartbeatAge())).toList();
            List<Lease> leases = table.leases().stream()
                    .map(l -> new Lease(l.terminalId(), l.holder(), l.epoch(), l.remaining())).toList();
            return new ClusterStatus(nodes, leases);
        }
    }

    /** The terminals whose live lease the node holds. */
    public List<String> heldBy(String nodeId) {
        return leases.stream().filter(l -> l.live() && l.holder().equals(nodeId)).map(Lease::terminalId).toList();
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L));
    }
}
