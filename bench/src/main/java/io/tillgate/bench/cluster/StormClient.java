package io.tillgate.bench.cluster;

import io.netty.channel.EventLoopGroup;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.ConnectionFailedException;
import io.tillgate.p3.client.ErrorType;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.QueryKey;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionNotStartedException;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A point of sale of the storm: one {@link PayClient} with every node's URL, starting at a node of
 * its own, paying on one terminal until told to stop. Every payment has a unique customIdentifier
 * and tag; whatever goes wrong, the payment is sent again with the same tag (which joins or repeats
 * the transaction, never starts a second one) or looked up by it, until it has a final answer:
 * <ul>
 *   <li>refused as busy (the terminal is driven by another node, is being taken over, or the
 *       claim is still held): a short backoff, then the next URL, so the loop works whether the
 *       node forwards the payment to the holder or refuses it;</li>
 *   <li>not started: sent again;</li>
 *   <li>outcome unknown to the client (it gave up recovering, or the connection could not be
 *       made): asked for by tag on the next node until final; sent again if no node knows it.</li>
 * </ul>
 */
final class StormClient implements Runnable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than a take-over and the client's own recovery (reconnect backoff, polls). */
    private static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(3);
    /** A payment with no final answer after this long is reported as lost. */
    private static final Duration PAYMENT_DEADLINE = Duration.ofMinutes(5);

    private final int number;
    private final List<URI> uris;
    private final String terminal;
    private final String secret;
    private final EventLoopGroup group;
    private final BooleanSupplier more;
    private final Counters counters;
    private final List<StormPayment> payments = new ArrayList<>();
    private int offset;
    private PayClient client;

    /** What all clients saw, for the report. */
    static final class Counters {
        final AtomicLong busy = new AtomicLong();
        final AtomicLong notStarted = new AtomicLong();
        final AtomicLong queried = new AtomicLong();
        final AtomicLong recovering = new AtomicLong();
        final AtomicLong otherErrors = new AtomicLong();
    }

    /**
     * @param number this POS's number: it starts at node {@code number % uris.size()}
     * @param more whether to start another payment
     */
    StormClient(int number, List<URI> uris, String terminal, String secret, EventLoopGroup group, BooleanSupplier more,
                Counters counters) {
        this.number = number;
        this.uris = List.copyOf(uris);
        this.terminal = terminal;
        this.secret = secret;
        this.group = group;
        this.more = more;
        this.counters = counters;
        this.offset = number % uris.size();
    }

    List<StormPayment> payments() {
        return payments;
    }

    @Override
    public void run() {
        try {
            for (int n = 1; more.getAsBoolean(); n++) {
                payments.add(pay("storm-" + number + "-" + n, UUID.randomUUID().toString(), amount()));
            }
        } finally {
            disconnect();
        }
    }

    /** Mostly approvals, one in ten declined (cents .91), so both outcomes are checked against the journal. */
    private static long amount() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long major = 1 + random.nextInt(200);
        long cents = random.nextInt(10) == 0 ? 91 : random.nextInt(91);
        return major * 100 + cents;
    }

    private StormPayment pay(String customIdentifier, String tag, long amountMinor) {
        ChargeRequest request = ChargeRequest.of(terminal, Money.ofMinor(amountMinor, "EUR"))
                .withCustomIdentifier(customIdentifier).withTag(tag);
        long deadline = System.nanoTime() + PAYMENT_DEADLINE.toNanos();
        AtomicBoolean recovered = new AtomicBoolean();
        TransactionListener listener = new TransactionListener() {
            @Override
            public void onRecovering(String recoveringTag, PayClientException cause) {
                recovered.set(true);
                counters.recovering.incrementAndGet();
            }
        };
        int attempts = 0;
        String problem = "never sent";
        while (System.nanoTime() - deadline < 0) {
            try {
                connected();
                attempts++;
                P3Transaction answer = client.charge(request, listener).await(OUTCOME_TIMEOUT).transaction();
                return answered(request, answer, "answer", attempts, recovered.get());
            } catch (P3ErrorException e) {
                if (e.isType(ErrorType.TRANSACTION_BUSY)) {
                    counters.busy.incrementAndGet();
                    problem = "busy: " + e.getMessage();
                    nextNode();
                    continue;
                }
                if (e.transaction().isPresent()) {
                    return answered(request, e.transaction().get(), "answer", attempts, recovered.get());
                }
                counters.otherErrors.incrementAndGet();
                problem = e.rawType() + ": " + e.getMessage();
                nextNode();
            } catch (TransactionNotStartedException e) {
                counters.notStarted.incrementAndGet();
                problem = "not started: " + e.getMessage();
                nextNode();
            } catch (PayClientException e) {
                // outcome unknown, connection failed or lost, no answer in time: the journal knows
                counters.queried.incrementAndGet();
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                Optional<P3Transaction> found = queryUntilFinal(tag, deadline);
                if (found.isPresent()) {
                    return answered(request, found.get(), "query", attempts, recovered.get());
                }
                // no node knows the tag: the request never reached the journal; send it again
            } catch (RuntimeException e) {
                // anything else the client throws: the same tag again, on the next node
                counters.otherErrors.incrementAndGet();
                problem = e.toString();
                nextNode();
            }
        }
        return new StormPayment(customIdentifier, tag, terminal, amountMinor, null, null, "none", attempts,
                recovered.get(), problem);
    }

    private StormPayment answered(ChargeRequest request, P3Transaction answer, String via, int attempts,
                                  boolean recovered) {
        String status = answer.status();
        return new StormPayment(request.customIdentifier(), request.tag(), terminal, request.amount().minorUnits(),
                answer.identifier(), status, via, attempts, recovered, null);
    }

    /**
     * The transaction with this tag once final, asking node after node; empty when two answers in a
     * row, a second apart, say no node knows it.
     */
    private Optional<P3Transaction> queryUntilFinal(String tag, long deadline) {
        int notFound = 0;
        while (System.nanoTime() - deadline < 0) {
            try {
                connected();
                P3Transaction found = client.query(QueryKey.byTag(tag))
                        .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).transaction();
                notFound = 0;
                if (TransactionStatus.of(found).isFinal()) {
                    return Optional.of(found);
                }
                pause(200);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof P3ErrorException refused
                        && refused.isType(ErrorType.TRANSACTION_REFERENCE_NOT_FOUND)) {
                    if (++notFound >= 2) {
                        return Optional.empty();
                    }
                    pause(1_000);
                } else {
                    nextNode();
                }
            } catch (TimeoutException | PayClientException e) {
                nextNode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return Optional.empty();
    }

    /** A logged-in client, trying the URLs from this POS's current node on. */
    private void connected() {
        while (client == null) {
            List<URI> order = new ArrayList<>(uris.size());
            for (int i = 0; i < uris.size(); i++) {
                order.add(uris.get((offset + i) % uris.size()));
            }
            PayClient candidate = PayClient.builder(order).eventLoopGroup(group).callbacksOnIoThread()
                    .connectTimeout(CONNECT_TIMEOUT).requestTimeout(REQUEST_TIMEOUT).build();
            try {
                candidate.connect().get(30, TimeUnit.SECONDS);
                candidate.login(ClusterRig.MERCHANT, secret).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                client = candidate;
            } catch (ExecutionException | TimeoutException e) {
                candidate.close();
                offset++;
                pause(200);
            } catch (InterruptedException e) {
                candidate.close();
                Thread.currentThread().interrupt();
                throw new ConnectionFailedException("interrupted while connecting", e);
            }
        }
    }

    /** Drops the connection and, after a short backoff, starts from the next node. */
    private void nextNode() {
        disconnect();
        offset++;
        pause(50 + ThreadLocalRandom.current().nextInt(150));
    }

    private void disconnect() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
