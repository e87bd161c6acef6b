package io.tillgate.journal;

import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionQuery;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionStore;
import io.tillgate.journal.internal.ConnectionFactory;
import io.tillgate.journal.internal.Dialect;
import io.tillgate.journal.internal.JournalFiles;
import io.tillgate.journal.internal.JournalReader;
import io.tillgate.journal.internal.JournalWriter;
import io.tillgate.journal.internal.Migrations;
import io.tillgate.journal.internal.ReadPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import io.tillgate.core.transaction.ClaimConflictException;
import io.tillgate.core.transaction.FencedWriteException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link TransactionStore}: SQLite (WAL, {@code synchronous=FULL}) or PostgreSQL, the
 * same schema on both, kept up to date by Flyway.
 *
 * <p>Writes go to one writer thread that commits whatever is queued in one transaction (group
 * commit); a write's future completes only after its commit, so "recorded before the terminal is
 * contacted" and "outcome recorded before the POS is told" hold across a crash. Reads run on a
 * small pool of separate connections and block, so call them off the Netty event loops. No JDBC call
 * runs on the caller's thread for a write.
 */
public final class JdbcJournal implements TransactionStore {

    /** The most writes one commit covers: large enough to amortise the fsync, small enough to keep latency low. */
    public static final int DEFAULT_BATCH_LIMIT = 512;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcJournal.class);
    private static final int READ_CONNECTIONS = 4;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final JournalWriter writer;
    /** A cluster node's leases, or {@code null}: then no write is fenced. */
    private final Fencing fencing;
    /** The fence each running transaction was recorded under, until it is final: what its updates carry. */
    private final Map<String, Fence> fences = new ConcurrentHashMap<>();
    private final ReadPool reads;
    private final JournalReader reader;
    /** The SQLite file, or {@code null} for PostgreSQL. */
    private final Path file;

    private JdbcJournal(JournalWriter writer, ReadPool reads, Path file, Fencing fencing) {
        this.writer = writer;
        this.fencing = fencing;
        this.reads = reads;
        this.reader = new JournalReader(reads);
        this.file = file;
    }

    /** Opens the journal with group commit. */
    public static JdbcJournal open(JournalSettings settings) {
        return open(settings, DEFAULT_BATCH_LIMIT);
    }

    /** Opens the journal with group commit, telling {@code observer} of every commit. */
    public static JdbcJournal open(JournalSettings settings, CommitObserver observer) {
        return open(settings, DEFAULT_BATCH_LIMIT, observer);
    }

    /** As {@link #open(JournalSettings, int, CommitObserver)}, observing nothing. */
    public static JdbcJournal open(JournalSettings settings, int batchLimit) {
        return open(settings, batchLimit, CommitObserver.NONE);
    }

    /**
     * Opens the journal: creates a SQLite file and its folder private to this user, migrates the
     * schema, connects the writer.
     *
     * @param batchLimit the most writes one commit covers; 1 commits every write on its own (for
     *     comparison in benchmarks)
     * @param observer told of every commit, on the writer thread
     * @throws JournalException if the database cannot be reached or migrated
     */
    public static JdbcJournal open(JournalSettings settings, int batchLimit, CommitObserver observer) {
        return open(settings, batchLimit, observer, null);
    }

    /**
     * Opens a cluster node's journal on PostgreSQL: every write about a transaction carries the
     * node's lease of its terminal, and the database refuses it once that lease has passed to another
     * node ({@link FencedWriteException}), or, for a new transaction, expired. A new transaction also
     * claims its message identity and POS reference, which no other transaction may hold while it
     * runs or has an unknown outcome ({@link ClaimConflictException}).
     *
     * @throws JournalException if the database cannot be reached or migrated
     * @throws IllegalArgumentException if the journal is not PostgreSQL
     */
    public static JdbcJournal openFenced(JournalSettings settings, CommitObserver observer, Fencing fencing) {
        if (Dialect.of(settings.jdbcUrl()) != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("a cluster needs a PostgreSQL journal, not "
                    + settings.redactedUrl());
        }
        return open(settings, DEFAULT_BATCH_LIMIT, observer, Objects.requireNonNull(fencing, "fencing"));
    }

    private static JdbcJournal open(JournalSettings settings, int batchLimit, CommitObserver observer,
            Fencing fencing) {
        ConnectionFactory connections = new ConnectionFactory(settings);
        connections.dialect().file(settings.jdbcUrl()).ifPresent(JournalFiles::prepare);
        Migrations.migrate(settings);
        JournalWriter writer;
        try {
            writer = new JournalWriter(connections, batchLimit, observer);
        } catch (SQLException e) {
            throw new JournalException("journal writer cannot connect to " + settings.redactedUrl() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("journal open on {}{}, batch limit {}", settings.redactedUrl(),
                connections.dialect() == Dialect.SQLITE ? " (WAL, synchronous=FULL)" : "", batchLimit);
        return new JdbcJournal(writer, new ReadPool(connections, READ_CONNECTIONS),
                connections.dialect().file(settings.jdbcUrl()).orElse(null), fencing);
    }

    @Override
    public CompletableFuture<Void> insert(TransactionRecord record) {
        if (!ID.matcher(record.id()).matches()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "transaction id '" + record.id() + "' is not 32 lowercase hex characters"));
        }
        if (fencing == null) {
            return writer.insert(record, null);
        }
        Optional<Fence> fence = fencing.fenceFor(record.terminalId());
        if (fence.isEmpty()) {
            return CompletableFuture.failedFuture(new FencedWriteException(record.id(), record.terminalId(),
                    "this node holds no lease of the terminal"));
        }
        fences.put(record.id(), fence.get());
        return writer.insert(record, fence.get()).whenComplete((v, failure) -> {
            if (failure != null) {
                fences.remove(record.id());
            }
        });
    }

    @Override
    public CompletableFuture<Void> update(TransactionRecord record, String note, String actor) {
        if (fencing == null || actor != null) {
            // An operator's resolution is the operator's, whichever node holds the terminal.
            return writer.update(record, note, actor, null);
        }
        Fence fence = record.state().isFinal() ? fences.remove(record.id()) : fences.get(record.id());
        if (fence == null) {
            // Not started here: recovery of a transaction on a terminal this node has taken over.
            fence = fencing.fenceFor(record.terminalId()).orElse(null);
            if (fence == null) {
                return CompletableFuture.failedFuture(new FencedWriteException(record.id(), record.terminalId(),
                        "this node holds no lease of the terminal"));
            }
        }
        return writer.update(record, note, actor, fence);
    }

    @Override
    public List<TransactionRecord> search(TransactionQuery query) {
        return reader.search(query);
    }

    /**
     * Why the journal cannot take a write now, or empty when it can: for readiness checks. The
     * database must answer, a SQLite file must be writable by this process, and a PostgreSQL server
     * must not be a read-only standby (after a fail-over the gateway may still point at the old
     * primary). Blocks for one query; never call it on an event loop.
     */
    public Optional<String> writeProblem() {
        if (file != null && !Files.isWritable(file)) {
            return Optional.of("the journal file " + file + " is not writable by this process");
        }
        try {
            return reads.read("checking the journal takes writes", connection -> {
                String query = file == null ? "SELECT pg_is_in_recovery()" : "SELECT 0";
                try (ResultSet row = connection.prepare(query).executeQuery()) {
                    return row.next() && row.getBoolean(1)
                            ? Optional.of("the PostgreSQL server is a read-only standby") : Optional.<String>empty();
                }
            });
        } catch (JournalException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public List<TransactionEvent> history(String id) {
        return reader.history(id);
    }

    @Override
    public Optional<TransactionRecord> findById(String id) {
        return reader.findById(id);
    }

    @Override
    public List<TransactionRecord> findByReference(String merchantId, String reference, Instant since) {
        return reader.findByReference(merchantId, reference, since);
    }

    @Override
    public List<TransactionRecord> findByReference(String reference) {
        return reader.findByReference(reference);
    }

    @Override
    public Optional<TransactionRecord> findByRequestReference(String merchantId, String protocol,
            String requestReference) {
        return reader.findByRequestReference(merchantId, protocol, requestReference);
    }

    @Override
    public List<TransactionRecord> findByOriginal(String originalTransactionId) {
        return reader.findByOriginal(originalTransactionId);
    }

    @Override
    public List<TransactionRecord> findUnresolved() {
        return reader.findUnresolved();
    }

    @Override
    public List<TransactionRecord> findSince(Instant since) {
        return reader.findSince(since);
    }

    /** Commits so far; compared with the number of writes it shows how much group commit shares. */
    public long commitCount() {
        return writer.commits();
    }

    /** Writes everything already submitted, completes its futures, then closes every connection. */
    @Override
    public void close() {
        writer.close();
        reads.close();
    }
}
