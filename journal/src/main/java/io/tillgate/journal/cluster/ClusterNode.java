package io.tillgate.journal.cluster;

import io.tillgate.core.service.TerminalPlacement;
import io.tillgate.journal.Fence;
import io.tillgate.journal.Fencing;
import io.tillgate.journal.JournalSettings;
import io.tillgate.journal.internal.ConnectionFactory;
import io.tillgate.journal.internal.LeaseTable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway of a cluster on a PostgreSQL journal: keeps its heartbeat row fresh and holds the
 * leases of the terminals that belong to it, on a thread of its own (never a Netty event loop).
 *
 * <p>Every third of the lease time it renews its heartbeat and its leases, hands idle terminals
 * that now belong to another live node over to it, and takes the terminals that belong to it whose
 * lease has run out (a node that stopped) or was never taken. A terminal belongs to the live node
 * that wins its rendezvous hash over the nodes with a heartbeat fresher than the lease time.
 *
 * <p>The lease's epoch is this node's {@link Fence}: the journal refuses any write about a
 * transaction whose terminal's lease has since passed to another node. A lease is also treated as
 * lost locally once a lease time has gone by since its last renewal began, so a node resumed after
 * a pause refuses new work before it has even talked to the database.
 */
public final class ClusterNode implements Fencing, TerminalPlacement, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    /** A lease as this node holds it. */
    private record Held(long epoch, long deadlineNanos, boolean ready) {
    }

    private final ClusterSettings settings;
    private final Set<String> terminals;
    private final LeaseTable table;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** The leases and node addresses as last read: to tell a POS which node drives a terminal. */
    private volatile Map<String, LeaseTable.LeaseRow> lastLeases = Map.of();
    private volatile Map<String, String> lastAddresses = Map.of();
    private final ScheduledExecutorService thread;
    private LeaseListener listener;

    public ClusterNode(ClusterSettings settings, JournalSettings journal, Set<String> terminalIds) {
        this.settings = settings;
        this.terminals = Set.copyOf(terminalIds);
        this.table = new LeaseTable(new ConnectionFactory(journal));
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "tillgate-cluster");
            t.setDaemon(true);
            return t;
        });
    }

    public String nodeId() {
        return settings.nodeId();
    }

    /**
     * Joins the cluster and takes the terminals that belong to this node, waiting until what they
     * left unfinished is recovered; from then on renews in the background.
     */
    public void start(LeaseListener leaseListener) {
        this.listener = leaseListener;
        CompletableFuture<?> firstRound = CompletableFuture.supplyAsync(() -> {
            if (table.join(settings.nodeId(), settings.address(), settings.leaseTime())) {
                LOG.warn("node {} had a fresh heartbeat when it started: an earlier run stopped moments ago, or "
                        + "another gateway runs with the same cluster.nodeId (each node needs its own)",
                        settings.nodeId());
            }
            return round();
        }, thread).thenCompose(recovered -> recovered);
        firstRound.join();
        long every = settings.renewEvery().toMillis();
        thread.scheduleWithFixedDelay(this::safeRound, every, every, TimeUnit.MILLISECONDS);
        LOG.info("cluster node {} joined{}: lease time {} ms, holds {} of {} terminal(s) {}", settings.nodeId(),
                settings.address() == null ? "" : " at " + settings.address(), settings.leaseTime().toMillis(),
                held.size(), terminals.size(), held.keySet());
    }

    @Override
    public Optional<Fence> fenceFor(String terminalId) {
        Held lease = held.get(terminalId);
        return lease == null ? Optional.empty() : Optional.of(new Fence(settings.nodeId(), lease.epoch()));
    }

    /** Empty when this node drives the terminal now; otherwise why not, naming the node that does. */
    @Override
    public Optional<String> elsewhere(String terminalId) {
        Held lease = held.get(terminalId);
        if (lease != null && lease.ready() && System.nanoTime() - lease.deadlineNanos() < 0) {
            return Optional.empty();
        }
        if (lease != null && !lease.ready()) {
            return Optional.of("terminal " + terminalId + " has just moved to node " + settings.nodeId()
                    + ", which is recovering the transactions its previous node left running; try again in a moment");
        }
        if (lease != null) {
            return Optional.of("node " + settings.nodeId() + " could not renew its lease of terminal " + terminalId
                    + " in time; try again in a moment");
        }
        LeaseTable.LeaseRow row = lastLeases.get(terminalId);
        if (row == null || !row.live() || row.holder().equals(settings.nodeId())) {
            return Optional.of("no node drives terminal " + terminalId + " at the moment; it moves to a live node "
                    + "within " + settings.leaseTime().toMillis() + " ms, try again then");
        }
        String address = lastAddresses.get(row.holder());
        return Optional.of("terminal " + terminalId + " is driven by node " + row.holder()
                + (address == null ? "" : " at " + address) + ", not by node " + settings.nodeId());
    }

    /**
     * The live node that held the terminal's lease at the last renewal, when it is another one with a
     * known address: where a request for the terminal is forwarded.
     */
    @Override
    public Optional<Holder> holder(String terminalId) {
        if (held.containsKey(terminalId)) {
            return Optional.empty();
        }
        LeaseTable.LeaseRow row = lastLeases.get(terminalId);
        if (row == null || !row.live() || row.holder().equals(settings.nodeId())) {
            return Optional.empty();
        }
        return Optional.ofNullable(lastAddresses.get(row.holder())).map(address -> new Holder(row.holder(), address));
    }

    /** The terminals this node holds now. */
    public Set<String> heldTerminals() {
        return Set.copyOf(held.keySet());
    }

    private void safeRound() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.warn("cluster node {} could not renew its heartbeat and leases: {}; terminals whose lease runs "
                    + "out meanwhile stop taking payments here", settings.nodeId(), e.getMessage());
        }
    }

    /** One heartbeat: renew, hand over, take over. Completes once the taken terminals are recovered. */
    private CompletableFuture<?> round() {
        long started = System.nanoTime();
        long deadline = started + settings.leaseTime().toNanos();
        table.heartbeat(settings.nodeId());
        List<LeaseTable.NodeRow> nodes = table.nodes();
        Set<String> live = new LinkedHashSet<>();
        Map<String, String> addresses = new HashMap<>();
        for (LeaseTable.NodeRow node : nodes) {
            if (node.heartbeatAge().compareTo(settings.leaseTime()) < 0) {
                live.add(node.nodeId());
            }
            if (node.address() != null) {
                addresses.put(node.nodeId(), node.address());
            }
        }
        live.add(settings.nodeId());
        Map<String, LeaseTable.LeaseRow> leases = table.leases().stream()
                .collect(Collectors.toMap(LeaseTable.LeaseRow::terminalId, r -> r));
        lastLeases = leases;
        lastAddresses = addresses;

        for (Map.Entry<String, Held> entry : held.entrySet()) {
            keep(entry.getKey(), entry.getValue(), live, deadline);
        }
        Set<String> fresh = new LinkedHashSet<>();
        Set<String> takenOver = new LinkedHashSet<>();
        for (String terminal : terminals) {
            if (held.containsKey(terminal)
                    || !Rendezvous.owner(terminal, live).orElseThrow().equals(settings.nodeId())) {
                continue;
            }
            LeaseTable.LeaseRow lease = leases.get(terminal);
            if (lease != null && lease.live() && !lease.holder().equals(settings.nodeId())) {
                continue; // its holder hands it over once idle, or lets it run out
            }
            OptionalLong epoch = table.acquire(terminal, settings.nodeId(), settings.leaseTime());
            if (epoch.isPresent()) {
                held.put(terminal, new Held(epoch.getAsLong(), deadline, false));
                boolean fromOther = lease != null && !lease.holder().equals(settings.nodeId());
                (fromOther ? takenOver : fresh).add(terminal);
                LOG.info("node {} took terminal {} (epoch {}){}", settings.nodeId(), terminal, epoch.getAsLong(),
                        fromOther ? " from node " + lease.holder() : "");
            }
        }
        return CompletableFuture.allOf(recover(fresh, false), recover(takenOver, true));
    }

    /** Renews a held lease, or hands it to the node it now belongs to if it is idle. */
    private void keep(String terminal, Held lease, Set<String> live, long deadline) {
        String owner = Rendezvous.owner(terminal, live).orElseThrow();
        if (!owner.equals(settings.nodeId()) && lease.ready()) {
            // Refuse new work first, then look: a transaction admitted in between is seen as running.
            held.remove(terminal, lease);
            if (listener.idle(terminal)) {
                if (table.release(terminal, settings.nodeId(), lease.epoch())) {
                    LOG.info("node {} handed terminal {} over to node {}", settings.nodeId(), terminal, owner);
                }
                return;
            }
            held.put(terminal, lease);
        }
        if (table.renew(terminal, settings.nodeId(), lease.epoch(), settings.leaseTime())) {
            held.replace(terminal, lease, new Held(lease.epoch(), deadline, lease.ready()));
        } else {
            held.remove(terminal, lease);
            LOG.warn("node {} lost the lease of terminal {} (epoch {}) to another node; the journal refuses its "
                    + "writes about the terminal from now on", settings.nodeId(), terminal, lease.epoch());
        }
    }

    private CompletableFuture<?> recover(Set<String> taken, boolean fromOther) {
        if (taken.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?> recovered;
        try {
            recovered = listener.taken(taken, fromOther);
        } catch (RuntimeException e) {
            recovered = CompletableFuture.failedFuture(e);
        }
        return recovered.whenComplete((v, failure) -> {
            if (failure != null) {
                LOG.error("node {} could not recover terminals {}: {}; they take payments anyway, and their "
                        + "unfinished transactions are listed by tillgate journal list --unresolved",
                        settings.nodeId(), taken, failure.getMessage());
            }
            for (String terminal : taken) {
                held.computeIfPresent(terminal, (t, h) -> new Held(h.epoch(), h.deadlineNanos(), true));
            }
        });
    }

    /**
     * Leaves the cluster: lets every held lease run out now and removes the heartbeat row, so the
     * other nodes take the terminals at their next renewal instead of after a lease time.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(settings.leaseTime().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (Map.Entry<String, Held> entry : held.entrySet()) {
                table.release(entry.getKey(), settings.nodeId(), entry.getValue().epoch());
            }
            held.clear();
            table.leave(settings.nodeId());
            LOG.info("cluster node {} left; its terminals move to the other nodes", settings.nodeId());
        } catch (RuntimeException e) {
            LOG.warn("cluster node {} could not release its leases ({}); they run out within {} ms",
                    settings.nodeId(), e.getMessage(), settings.leaseTime().toMillis());
        } finally {
            table.close();
        }
    }
}
