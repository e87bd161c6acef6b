package io.tillgate.core.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store that tells its {@link TransactionFeed}s of each write after it is durable. Everything
 * that writes the journal in a running gateway (the payment service, start-up recovery, an
 * operator's resolution) goes through it, so a subscriber misses no change.
 */
public final class PublishingTransactionStore implements TransactionStore {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingTransactionStore.class);

    private final TransactionStore journal;
    private final List<TransactionFeed> feeds = new CopyOnWriteArrayList<>();

    public PublishingTransactionStore(TransactionStore journal) {
        this.journal = journal;
    }

    /** The store it publishes for, for what only that store can tell (a database's health). */
    public TransactionStore unwrapped() {
        return journal;
    }

    public void subscribe(TransactionFeed feed) {
        feeds.add(feed);
    }

    public void unsubscribe(TransactionFeed feed) {
        feeds.remove(feed);
    }

    @Override
    public CompletableFuture<Void> insert(TransactionRecord record) {
        return published(journal.insert(record), record);
    }

    @Override
    public CompletableFuture<Void> update(TransactionRecord record, String note, String actor) {
        return published(journal.update(record, note, actor), record);
    }

    @Override
    public List<TransactionRecord> search(TransactionQuery query) {
        return journal.search(query);
    }

    private CompletableFuture<Void> published(CompletableFuture<Void> write, TransactionRecord record) {
        // The subscribers hear of the change before the writer's own continuation runs, so a live view
        // never shows a POS answer older than the journal.
        return write.thenRun(() -> publish(record));
    }

    private void publish(TransactionRecord record) {
        for (TransactionFeed feed : feeds) {
            try {
                feed.changed(record);
            } catch (RuntimeException e) {
                // A broken subscriber must not fail the write it was told about.
                LOG.warn("Transaction feed {} failed on transaction {}", feed, record.id(), e);
            }
        }
    }

    @Override
    public List<TransactionEvent> history(String id) {
        return journal.history(id);
    }

    @Override
    public Optional<TransactionRecord> findById(String id) {
        return journal.findById(id);
    }

    @Override
    public List<TransactionRecord> findByReference(String merchantId, String reference, Instant since) {
        return journal.findByReference(merchantId, reference, since);
    }

    @Override
    public List<TransactionRecord> findByReference(String reference) {
        return journal.findByReference(reference);
    }

    @Override
    public Optional<TransactionRecord> findByRequestReference(String merchantId, String protocol,
            String requestReference) {
        return journal.findByRequestReference(merchantId, protocol, requestReference);
    }

    @Override
    public List<TransactionRecord> findByOriginal(String originalTransactionId) {
        return journal.findByOriginal(originalTransactionId);
    }

    @Override
    public List<TransactionRecord> findUnresolved() {
        return journal.findUnresolved();
    }

    @Override
    public List<TransactionRecord> findSince(Instant since) {
        return journal.findSince(since);
    }

    @Override
    public boolean answersAtOnce() {
        return journal.answersAtOnce();
    }

    @Override
    public void close() {
        journal.close();
    }
}
