package io.tillgate.core.transaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link TransactionStore} that forgets everything on restart; for emulators, tests and benchmarks.
 *
 * <p>It keeps the most recent {@code capacity} transactions: beyond that the oldest settled ones
 * (final or UNKNOWN) are forgotten, a running one is kept until it settles, so an emulator left
 * running for weeks does not grow without bound. A forgotten transaction is no longer found, by id
 * or by reference.
 */
public final class InMemoryTransactionStore implements TransactionStore {

    /** Enough for any test run or demo; a few tens of megabytes at most. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /** As the journal orders: by creation, ties broken by id. */
    private static final Comparator<TransactionRecord> NEWEST_FIRST = Comparator
            .comparing(TransactionRecord::createdAt).thenComparing(TransactionRecord::id).reversed();

    private final int capacity;
    /** Ids in the order they were inserted: the candidates for forgetting, oldest first. */
    private final Queue<String> insertionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Map<String, TransactionRecord> byId = new ConcurrentHashMap<>();
    /** Per POS reference, the ids that carry it, oldest first; a reference may name many. */
    private final Map<String, List<String>> byReference = new ConcurrentHashMap<>();
    private final Map<String, String> byRequestReference = new ConcurrentHashMap<>();
    private final Map<String, List<TransactionEvent>> histories = new ConcurrentHashMap<>();

    public InMemoryTransactionStore() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many transactions to keep; more only while more than that are running */
    public InMemoryTransactionStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Maps in memory, and writes complete before they return. */
    @Override
    public boolean answersAtOnce() {
        return true;
    }

    @Override
    public CompletableFuture<Void> insert(TransactionRecord record) {
        if (byId.putIfAbsent(record.id(), record) != null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("transaction " + record.id() + " already recorded"));
        }
        insertionOrder.add(record.id());
        size.incrementAndGet();
        forgetOldest();
        append(record, null, null);
        if (record.reference() != null) {
            byReference.compute(record.reference(), (reference, ids) -> {
                List<String> next = ids == null ? new ArrayList<>(1) : ids;
                next.add(record.id());
                return next;
            });
        }
        if (record.requestReference() != null) {
            byRequestReference.put(
                    requestKey(record.merchantId(), record.protocol(), record.requestReference()), record.id());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> update(TransactionRecord record, String note, String actor) {
        try {
            byId.compute(record.id(), (id, stored) -> {
                if (stored == null) {
                    throw new IllegalStateException("transaction " + id + " was never recorded");
                }
                boolean captureOfFinal = stored.isFinal() && stored.state() == record.state()
                        && record.captured() && !stored.captured();
                if (!captureOfFinal && stored.state() != record.state()
                        && !stored.state().canMoveTo(record.state())) {
                    throw new IllegalTransitionException(id, stored.state(), record.state());
                }
                if (stored.isFinal() && !captureOfFinal) {
                    throw new IllegalTransitionException(id, stored.state(), record.state());
                }
                return record;
            });
            append(record, note, actor);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Forgets the oldest transactions above capacity unless they are still running. A running one
     * stops this round: it settles within the gateway's transaction timeout, and a later insert
     * goes on.
     */
    private void forgetOldest() {
        while (size.get() > capacity) {
            String oldest = insertionOrder.poll();
            if (oldest == null) {
                return;
            }
            TransactionRecord record = byId.get(oldest);
            if (record == null) {
                size.decrementAndGet();
                continue;
            }
            // Still running, or updated since it was read: back in line, and look again next time.
            if (isRunning(record) || !byId.remove(oldest, record)) {
                insertionOrder.add(oldest);
                return;
            }
            size.decrementAndGet();
            histories.remove(oldest);
            if (record.reference() != null) {
                byReference.computeIfPresent(record.reference(), (reference, ids) -> {
                    ids.remove(oldest);
                    return ids.isEmpty() ? null : ids;
                });
            }
            if (record.requestReference() != null) {
                byRequestReference.remove(requestKey(record.merchantId(), record.protocol(),
                        record.requestReference()), oldest);
            }
        }
    }

    /** Neither final nor UNKNOWN: the terminal is still at work on it. */
    private static boolean isRunning(TransactionRecord record) {
        return !record.isFinal() && record.state() != TransactionState.UNKNOWN;
    }

    @Override
    public List<TransactionEvent> history(String id) {
        List<TransactionEvent> events = histories.get(id);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void append(TransactionRecord record, String note, String actor) {
        List<TransactionEvent> events = histories.computeIfAbsent(record.id(), id -> new ArrayList<>());
        synchronized (events) {
            events.add(new TransactionEvent(record.id(), record.state(), record.updatedAt(), note, actor));
        }
    }

    @Override
    public List<TransactionRecord> search(TransactionQuery query) {
        return byId.values().stream().filter(query::matches).sorted(NEWEST_FIRST).limit(query.limit()).toList();
    }

    @Override
    public Optional<TransactionRecord> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<TransactionRecord> findByReference(String merchantId, String reference, Instant since) {
        return withReference(reference, r -> r.merchantId().equals(merchantId) && !r.createdAt().isBefore(since));
    }

    @Override
    public List<TransactionRecord> findByReference(String reference) {
        return withReference(reference, r -> true);
    }

    private List<TransactionRecord> withReference(String reference, Predicate<TransactionRecord> filter) {
        List<String> ids = new ArrayList<>();
        byReference.computeIfPresent(reference, (key, found) -> {
            ids.addAll(found);
            return found;
        });
        return ids.stream().map(byId::get).filter(r -> r != null && filter.test(r)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public Optional<TransactionRecord> findByRequestReference(String merchantId, String protocol,
            String requestReference) {
        return Optional.ofNullable(byRequestReference.get(requestKey(merchantId, protocol, requestReference)))
                .map(byId::get);
    }

    @Override
    public List<TransactionRecord> findByOriginal(String originalTransactionId) {
        return select(r -> originalTransactionId.equals(r.originalTransactionId()));
    }

    @Override
    public List<TransactionRecord> findUnresolved() {
        return select(r -> !r.isFinal());
    }

    @Override
    public List<TransactionRecord> findSince(Instant since) {
        return select(r -> !r.createdAt().isBefore(since));
    }

    private List<TransactionRecord> select(Predicate<TransactionRecord> filter) {
        return byId.values().stream().filter(filter).sorted(NEWEST_FIRST.reversed()).toList();
    }

    private static String requestKey(String merchantId, String protocol, String requestReference) {
        return merchantId + '\u0000' + protocol + '\u0000' + requestReference;
    }
}
