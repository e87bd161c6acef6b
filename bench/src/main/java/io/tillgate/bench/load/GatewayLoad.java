package io.tillgate.bench.load;

import io.netty.channel.EventLoopGroup;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Transaction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N PayClients on one shared event-loop group, each logged in and bound to one device, running
 * closed-loop charges: charge, wait for the final response, charge again.
 */
final class GatewayLoad implements AutoCloseable {

    private final EventLoopGroup group;
    private final Money amount;
    private final List<PayClient> clients = new ArrayList<>();
    private final List<String> deviceOfClient = new ArrayList<>();
    private int runNumber;

    private GatewayLoad(EventLoopGroup group, Money amount) {
        this.group = group;
        this.amount = amount;
    }

    /**
     * Connects and logs in {@code clients} PayClients; client i uses device i % M of the first
     * M = {@code devices} devices the login lists (all of them when {@code devices} is 0).
     */
    static GatewayLoad connect(URI endpoint, EventLoopGroup group, int clients, int devices, String merchant,
                               String secret, Money amount, Duration timeout) throws Exception {
        return connect(endpoint, null, group, clients, devices, merchant, secret, amount, timeout);
    }

    /** As above; {@code trust} is the CA of a {@code wss://} or {@code tls://} endpoint, or {@code null}. */
    static GatewayLoad connect(URI endpoint, Path trust, EventLoopGroup group, int clients, int devices,
                               String merchant, String secret, Money amount, Duration timeout) throws Exception {
        GatewayLoad load = new GatewayLoad(group, amount);
        try {
            List<CompletableFuture<List<P3Device>>> logins = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                // The load clients' callbacks only count and never block: on the I/O thread, as before
                // callback executors existed, so figures stay comparable with the history.
                PayClient.Builder builder = PayClient.builder(endpoint)
                        .eventLoopGroup(group)
                        .callbacksOnIoThread()
                        .connectTimeout(timeout)
                        .requestTimeout(timeout);
                PayClient client = (trust == null ? builder : builder.trust(trust)).build();
                load.clients.add(client);
                logins.add(client.connect().thenCompose(connected -> client.login(merchant, secret)));
            }
            CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            List<P3Device> listed = logins.get(0).join();
            if (listed.isEmpty()) {
                throw new IllegalStateException("merchant " + merchant + " has no devices on " + endpoint);
            }
            if (devices <= 0) {
                devices = listed.size();
            }
            if (listed.size() < devices) {
                throw new IllegalStateException("--devices " + devices + " but merchant " + merchant + " has only "
                        + listed.size() + " device(s) on " + endpoint);
            }
            for (int i = 0; i < clients; i++) {
                load.deviceOfClient.add(listed.get(i % devices).identifier());
            }
            return load;
        } catch (Exception e) {
            load.close();
            throw e;
        }
    }

    /**
     * Runs one charge on client 0 and returns its last EXECUTE_TRANSACTION_UPDATE as the server
     * would encode it: the echo baseline's representative message.
     */
    byte[] sampleUpdate(Duration timeout) throws Exception {
        AtomicReference<TransactionUpdate> last = new AtomicReference<>();
        String device = deviceOfClient.get(0);
        ChargeRequest request = ChargeRequest.of(device, amount);
        P3Transaction done = clients.get(0).charge(request, new TransactionListener() {
            @Override
            public void onUpdate(TransactionUpdate update) {
                last.set(update);
            }
        }).outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS).transaction();
        TransactionUpdate update = last.get();
        if (update == null) {
            throw new IllegalStateException("the sample charge got no EXECUTE_TRANSACTION_UPDATE (status "
                    + done.status() + ")");
        }
        ExecuteTransactionUpdate body = new ExecuteTransactionUpdate(update.state(), update.stateDetails(),
                update.information(), update.abortable(), update.transaction());
        return P3Codec.INSTANCE.encode(P3Message.ok(request.tag(), request.resource(), body));
    }

    /**
     * One run: warm-up, then the measured window, then waits for outstanding charges.
     *
     * @param rate total transactions per second to pace the clients at, or 0 for a closed loop
     *     (each client charges again as soon as its previous charge ends)
     * @param stallMeter records the platform's stalls during the measured window
     */
    RunResult run(Duration warmup, Duration duration, Duration drainTimeout, double rate, StallMeter stallMeter)
            throws InterruptedException {
        runNumber++;
        // Unique per run, so no tag repeats an earlier one (the gateway would answer a repeat from its journal).
        String runTag = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-" + runNumber + "-";
        Window window = new Window(warmup, duration);
        ErrorCounts errors = new ErrorCounts();
        CountDownLatch finished = new CountDownLatch(clients.size());
        List<ChargeWorker> workers = new ArrayList<>();
        long interval = rate > 0 ? Math.round(clients.size() * 1e9 / rate) : 0;
        for (int i = 0; i < clients.size(); i++) {
            // Paced clients start staggered over one interval, so the load is even from the first moment.
            long firstStart = window.start + (interval == 0 ? 0 : interval * i / clients.size());
            workers.add(new ChargeWorker(clients.get(i), deviceOfClient.get(i), runTag + i + "-", window, errors,
                    finished, interval, firstStart));
        }
        // Paced charges are released by one pacer thread: timers on the clients' event loop would make
        // it spin in selectNow() (due times 200 us apart) and burn a core of the load generator's own.
        DelayQueue<ChargeWorker> due = new DelayQueue<>();
        Thread pacer = interval == 0 ? null : new Thread(() -> pace(due), "load-pacer");
        workers.forEach(worker -> worker.pacer = due);
        if (pacer != null) {
            pacer.setDaemon(true);
            pacer.start();
        }
        workers.forEach(ChargeWorker::schedule);
        CpuMeter.Usage cpu = window.meterCpu(stallMeter);
        long waitNanos = window.end - System.nanoTime() + drainTimeout.toNanos();
        boolean drained = finished.await(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        long stuck = drained ? 0 : finished.getCount();
        if (pacer != null) {
            pacer.interrupt();
        }
        if (!drained) {
            errors.record("NO_FINAL_RESPONSE_WITHIN_" + drainTimeout.toSeconds() + "S");
        }
        LatencyHistogram latency = new LatencyHistogram();
        long transactions = 0;
        long messages = 0;
        for (ChargeWorker worker : workers) {
            synchronized (worker) {
                latency.add(worker.latency);
                transactions += worker.transactions;
                messages += worker.messages;
            }
        }
        return new RunResult(transactions, messages, window.measuredSeconds(), latency, errors, stuck,
                cpu);
    }

    private static void pace(DelayQueue<ChargeWorker> due) {
        try {
            while (true) {
                due.take().next();
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (PayClient client : clients) {
            closing.add(client.closeAsync().exceptionally(e -> null));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the event loop group is shut down right after
        }
    }

    /**
     * One client's loop. Callbacks run on the client's I/O thread, one at a time. Closed loop: the
     * next charge starts when the previous one ends. Paced: charge k is due at firstStart + k *
     * interval (or at once when the previous one ended later), and its latency is counted from when
     * it was due, so a slow gateway cannot hide its queueing (no coordinated omission).
     */
    private final class ChargeWorker implements TransactionListener, Delayed {

        private final PayClient client;
        private final String device;
        private final String tagPrefix;
        private final Window window;
        private final ErrorCounts errors;
        private final CountDownLatch finished;
        private final LatencyHistogram latency = new LatencyHistogram();
        private final long interval;
        private long sequence;
        private volatile long dueAt;
        private DelayQueue<ChargeWorker> pacer;
        private long startedAt;
        private int received;
        private long transactions;
        private long messages;

        ChargeWorker(PayClient client, String device, String tagPrefix, Window window, ErrorCounts errors,
                     CountDownLatch finished, long interval, long firstStart) {
            this.interval = interval;
            this.dueAt = firstStart;
            this.client = client;
            this.device = device;
            this.tagPrefix = tagPrefix;
            this.window = window;
            this.errors = errors;
            this.finished = finished;
        }

        /** Starts the next charge now, or when it is due. */
        synchronized void schedule() {
            long now = System.nanoTime();
            if (interval > 0 && dueAt - now > 0 && !window.over(dueAt)) {
                pacer.add(this);
            } else {
                next();
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueAt, ((ChargeWorker) other).dueAt);
        }

        synchronized void next() {
            long now = System.nanoTime();
            if (window.over(now)) {
                finished.countDown();
                return;
            }
            received = 0;
            // Paced: latency from when the charge was due; closed loop: from now.
            startedAt = interval > 0 ? Math.min(dueAt, now) : now;
            dueAt += interval;
            ChargeRequest request = new ChargeRequest(device, amount, null, null, true, tagPrefix + sequence++);
            client.charge(request, this).outcome().whenComplete(this::completed);
        }

        @Override
        public synchronized void onUpdate(TransactionUpdate update) {
            received++;
        }

        @Override
        public synchronized void onAction(ActionRequest action) {
            received++;
            errors.record("UNEXPECTED_ACTION " + action.rawAction());
        }

        private synchronized void completed(TransactionResult result, Throwable failure) {
            long now = System.nanoTime();
            if (failure != null) {
                errors.record(failure);
                // Back off a little so a refusing gateway is not hammered in a tight loop.
                dueAt = Math.max(dueAt, now + TimeUnit.MILLISECONDS.toNanos(1));
                group.schedule(this::schedule, 1, TimeUnit.MILLISECONDS);
                return;
            }
            if (!result.isApproved()) {
                errors.record("STATUS " + result.rawStatus());
            }
            if (window.measured(startedAt, now)) {
                transactions++;
                messages += 2 + received; // request + updates/actions + response
                latency.record(now - startedAt);
            }
            schedule();
        }
    }
}
