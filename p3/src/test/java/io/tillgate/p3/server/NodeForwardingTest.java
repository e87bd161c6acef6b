package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentError;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.core.service.RequestForwarder;
import io.tillgate.core.service.TerminalPlacement;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.p3.node.ClusterSecret;
import io.tillgate.p3.node.NodeLinks;
import io.tillgate.tls.ClientTls;
import io.tillgate.transport.LocalCa;
import io.tillgate.transport.ServerTls;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarding between cluster nodes over real sockets: a "holder" gateway that drives reader1 behind its
 * P3 listener, and an "edge" payment service that configures reader1 too but is told the holder drives
 * it, forwarding through {@link NodeLinks}. Both share one journal, as cluster nodes do.
 */
class NodeForwardingTest {

    private static final String CLUSTER_SECRET = "node-forwarding-test-secret";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EventLoopGroup linkLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private P3TestGateway holder;
    private NodeLinks links;
    private PaymentService edge;

    @BeforeEach
    void start() {
        holder = new P3TestGateway();
        holder.server().acceptNodeLogins(ClusterSecret.of(CLUSTER_SECRET));
    }

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
        if (links != null) {
            links.close();
        }
        holder.close();
        linkLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        scheduler.shutdownNow();
    }

    @Test
    void aForwardedPaymentRelaysEveryUpdateTheSignatureActionAndAnswersWhatTheJournalHolds() throws Exception {
        startEdge(CLUSTER_SECRET);
        Recorder pos = new Recorder();
        pos.onAction = (record, action) -> edge.answer("demo", "reader1", ActionAnswer.Signature.signedOnReceipt());
        TransactionRecord started = edge.execute(payment("12.92", "pos-tag-1"), pos).get(20, TimeUnit.SECONDS);

        TransactionRecord settled = pos.completed.get(20, TimeUnit.SECONDS);
        assertThat(settled.id()).isEqualTo(started.id());
        assertThat(settled.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(settled).as("the answer is the journal's record").isEqualTo(holder.store().findById(settled.id())
                .orElseThrow());
        assertThat(settled.signatureOnReceipt()).as("the signature went through the link").isTrue();
        assertThat(settled.merchantId()).isEqualTo("demo");
        assertThat(settled.protocol()).as("journaled under the original protocol").isEqualTo("P3");
        assertThat(settled.requestReference()).isEqualTo("pos-tag-1");
        assertThat(pos.actions).containsExactly(TerminalAction.Type.SIGNATURE);
        assertThat(pos.statuses).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pos.ids).containsOnly(settled.id());
    }

    @Test
    void aPartialRefundWithItsOwnReferenceIsForwardedWithItsAmount() throws Exception {
        startEdge(CLUSTER_SECRET);
        TransactionRecord sale = settle(payment("12.93", "sale-p1"));
        Recorder pos = new Recorder();
        edge.execute(new PaymentRequest("demo", null, "P3", "refund-p1", new PaymentCommand(PaymentKind.REFUND,
                Money.ofMajor("5.00", "EUR"), "refund-ref-p1", sale.id(), "partial"),
                ReferenceRule.RETRY_RETURNS_APPROVAL, null), pos).get(20, TimeUnit.SECONDS);

        TransactionRecord refund = pos.completed.get(20, TimeUnit.SECONDS);
        assertThat(refund.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(refund.amount()).isEqualTo(Money.ofMajor("5.00", "EUR"));
        assertThat(refund.reference()).isEqualTo("refund-ref-p1");
        assertThat(refund.originalTransactionId()).isEqualTo(sale.id());
    }

    @Test
    void aRefundOfAForwardedSaleIsForwardedJournaledWithItsOriginalAndTheSameTagJoinsThenRepeatsIt()
            throws Exception {
        startEdge(CLUSTER_SECRET);
        TransactionRecord sale = settle(payment("12.93", "sale-r1"));
        assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);

        Recorder pos = new Recorder();
        Recorder again = new Recorder();
        TransactionRecord started = edge.execute(followOn(PaymentKind.REFUND, sale.id(), "refund-r1"), pos)
                .get(20, TimeUnit.SECONDS);
        TransactionRecord joined = edge.execute(followOn(PaymentKind.REFUND, sale.id(), "refund-r1"), again)
                .get(20, TimeUnit.SECONDS);
        TransactionRecord refund = pos.completed.get(20, TimeUnit.SECONDS);

        assertThat(joined.id()).as("the same tag while it runs joins it").isEqualTo(started.id());
        assertThat(again.completed.get(20, TimeUnit.SECONDS)).isEqualTo(refund);
        assertThat(refund.id()).isEqualTo(started.id()).isNotEqualTo(sale.id());
        assertThat(refund.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(refund).as("the answer is the journal's record").isEqualTo(holder.store().findById(refund.id())
                .orElseThrow());
        assertThat(refund.kind()).isEqualTo(PaymentKind.REFUND);
        assertThat(refund.originalTransactionId()).isEqualTo(sale.id());
        assertThat(refund.terminalId()).isEqualTo("reader1");
        assertThat(refund.amount()).as("all that is left of the sale").isEqualTo(sale.amount());
        assertThat(refund.merchantId()).isEqualTo("demo");
        assertThat(refund.protocol()).isEqualTo("P3");
        assertThat(refund.requestReference()).isEqualTo("refund-r1");
        assertThat(pos.statuses).isNotEmpty();
        assertThat(pos.ids).containsOnly(refund.id());

        Recorder repeated = new Recorder();
        TransactionRecord repeat = edge.execute(followOn(PaymentKind.REFUND, sale.id(), "refund-r1"), repeated)
                .get(20, TimeUnit.SECONDS);
        assertThat(repeat.id()).as("the same tag afterwards repeats it").isEqualTo(refund.id());
        assertThat(repeated.completed.get(20, TimeUnit.SECONDS)).isEqualTo(refund);
        assertThat(holder.store().findByRequestReference("demo", "P3", "refund-r1")).map(TransactionRecord::id)
                .contains(refund.id());
    }

    @Test
    void aCaptureOfAForwardedPreauthorisationIsForwardedAndCapturesTheOriginalAtTheHolder() throws Exception {
        startEdge(CLUSTER_SECRET);
        TransactionRecord preauth = settle(new PaymentRequest("demo", "reader1", "P3", "preauth-c1",
                PaymentCommand.preauth(Money.ofMajor("12.93", "EUR"), null, "forwarded"),
                ReferenceRule.RETRY_RETURNS_APPROVAL, null));
        assertThat(preauth.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(preauth.captured()).isFalse();

        TransactionRecord capture = settle(followOn(PaymentKind.CAPTURE, preauth.id(), "capture-c1"));

        assertThat(capture.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(capture.id()).as("the capture, not its original").isNotEqualTo(preauth.id());
        assertThat(capture).isEqualTo(holder.store().findById(capture.id()).orElseThrow());
        assertThat(capture.kind()).isEqualTo(PaymentKind.CAPTURE);
        assertThat(capture.originalTransactionId()).isEqualTo(preauth.id());
        assertThat(capture.requestReference()).isEqualTo("capture-c1");
        assertThat(holder.store().findById(preauth.id()).orElseThrow().captured())
                .as("the holder captured the original").isTrue();
    }

    @Test
    void anUnlinkedRefundIsForwardedToTheDeviceItNames() throws Exception {
        startEdge(CLUSTER_SECRET);
        TransactionRecord refund = settle(new PaymentRequest("demo", "reader1", "NEXO", "sale-1/service-1",
                PaymentCommand.unlinkedRefund(Money.ofMajor("3.10", "EUR"), "order-u1", "credit"),
                ReferenceRule.ORDER_NUMBER, null));

        assertThat(refund.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(refund).isEqualTo(holder.store().findById(refund.id()).orElseThrow());
        assertThat(refund.kind()).isEqualTo(PaymentKind.REFUND);
        assertThat(refund.originalTransactionId()).isNull();
        assertThat(refund.amount()).isEqualTo(Money.ofMajor("3.10", "EUR"));
        assertThat(refund.protocol()).isEqualTo("NEXO");
        assertThat(refund.requestReference()).isEqualTo("sale-1/service-1");
        assertThat(refund.reference()).isEqualTo("order-u1");
    }

    @Test
    void theSameMessageSentAgainWhileItRunsJoinsTheForwardedTransaction() throws Exception {
        startEdge(CLUSTER_SECRET);
        Recorder first = new Recorder();
        Recorder again = new Recorder();
        TransactionRecord started = edge.execute(payment("12.93", "pos-tag-2"), first).get(20, TimeUnit.SECONDS);
        TransactionRecord joined = edge.execute(payment("12.93", "pos-tag-2"), again).get(20, TimeUnit.SECONDS);

        assertThat(joined.id()).isEqualTo(started.id());
        assertThat(again.completed.get(20, TimeUnit.SECONDS).id()).isEqualTo(started.id());
        assertThat(holder.store().findByRequestReference("demo", "P3", "pos-tag-2")).map(TransactionRecord::id)
                .contains(started.id());
    }

    @Test
    void anAbortReachesTheHolder() throws Exception {
        startEdge(CLUSTER_SECRET);
        Recorder pos = new Recorder();
        pos.onStatus = (record, status) -> {
            if (status.abortable() && pos.aborts.getAndIncrement() == 0) {
                edge.abort("demo", "reader1", record.id());
            }
        };
        edge.execute(payment("12.93", "pos-tag-3"), pos).get(20, TimeUnit.SECONDS);

        TransactionRecord settled = pos.completed.get(20, TimeUnit.SECONDS);
        assertThat(settled.state()).isEqualTo(TransactionState.ABORTED);
        assertThat(holder.store().findById(settled.id()).orElseThrow().state()).isEqualTo(TransactionState.ABORTED);
    }

    @Test
    void aLostLinkTellsThePosTheOutcomeIsNotKnownHereWhileTheHolderFinishesIt() throws Exception {
        startEdge(CLUSTER_SECRET);
        Recorder pos = new Recorder();
        TransactionRecord started = edge.execute(payment("12.93", "pos-tag-4"), pos).get(20, TimeUnit.SECONDS);
        holder.server().close();

        TransactionRecord told = pos.completed.get(20, TimeUnit.SECONDS);
        assertThat(told.id()).isEqualTo(started.id());
        assertThat(told.state()).isEqualTo(TransactionState.UNKNOWN);
        assertThat(told.outcome().reason()).isEqualTo("NODE_LINK_LOST");
        awaitState(started.id(), TransactionState.APPROVED);
    }

    @Test
    void theSameMessageSentToAnotherNodeWhileItRunsJoinsItAtTheHolder() throws Exception {
        startEdge(CLUSTER_SECRET);
        PaymentService otherEdge = edgeService(links);
        try {
            Recorder first = new Recorder();
            TransactionRecord started = edge.execute(payment("12.93", "pos-tag-8"), first).get(20, TimeUnit.SECONDS);
            Recorder moved = new Recorder();
            TransactionRecord joined = otherEdge.execute(payment("12.93", "pos-tag-8"), moved)
                    .get(20, TimeUnit.SECONDS);

            assertThat(joined.id()).isEqualTo(started.id());
            TransactionRecord settled = moved.completed.get(20, TimeUnit.SECONDS);
            assertThat(settled.id()).isEqualTo(started.id());
            assertThat(settled.state()).as("the outcome, not the pending record the journal held when asked")
                    .isEqualTo(TransactionState.APPROVED);
            assertThat(first.completed.get(20, TimeUnit.SECONDS)).isEqualTo(settled);
        } finally {
            otherEdge.close();
        }
    }

    @Test
    void theSameReferenceSentToAnotherNodeWhileItRunsJoinsItAtTheHolderInsteadOfCallingItUnresolved()
            throws Exception {
        startEdge(CLUSTER_SECRET);
        PaymentService otherEdge = edgeService(links);
        try {
            Recorder first = new Recorder();
            CompletableFuture<TransactionRecord> waitsForSignature = new CompletableFuture<>();
            first.onAction = (record, action) -> waitsForSignature.complete(record);
            TransactionRecord started = edge.execute(payment("12.92", "pos-tag-9", "order-9"), first)
                    .get(20, TimeUnit.SECONDS);
            waitsForSignature.get(20, TimeUnit.SECONDS);
            Recorder retry = new Recorder();
            TransactionRecord joined = otherEdge.execute(payment("12.92", "pos-tag-10", "order-9"), retry)
                    .get(20, TimeUnit.SECONDS);
            edge.answer("demo", "reader1", ActionAnswer.Signature.signedOnReceipt()).get(20, TimeUnit.SECONDS);

            assertThat(joined.id()).as("the POS reference names the running transaction").isEqualTo(started.id());
            assertThat(retry.completed.get(20, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.APPROVED);
            assertThat(holder.store().findByReference("demo", "order-9", Instant.EPOCH)).hasSize(1);
        } finally {
            otherEdge.close();
        }
    }

    @Test
    void withoutForwardingTheSameReferenceRunningElsewhereIsBusyNotUnresolved() throws Exception {
        startEdge(CLUSTER_SECRET);
        PaymentService unlinked = edgeService(null);
        try {
            Recorder first = new Recorder();
            CompletableFuture<TransactionRecord> waitsForSignature = new CompletableFuture<>();
            first.onAction = (record, action) -> waitsForSignature.complete(record);
            TransactionRecord started = edge.execute(payment("12.92", "pos-tag-11", "order-11"), first)
                    .get(20, TimeUnit.SECONDS);
            waitsForSignature.get(20, TimeUnit.SECONDS);

            assertThatThrownBy(() -> unlinked.execute(payment("12.92", "pos-tag-12", "order-11"), new Recorder())
                    .get(20, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(PaymentException.class, busy -> {
                        assertThat(busy.error()).isEqualTo(PaymentError.TERMINAL_BUSY);
                        assertThat(busy.getMessage()).contains(started.id(), "another node");
                    });
            edge.answer("demo", "reader1", ActionAnswer.Signature.signedOnReceipt()).get(20, TimeUnit.SECONDS);
            assertThat(first.completed.get(20, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.APPROVED);
        } finally {
            unlinked.close();
        }
    }

    @Test
    void whenTheLeaseHasMovedOnTheNewHolderIsTriedOnce() throws Exception {
        try (P3TestGateway previous = new P3TestGateway()) {
            // The previous holder takes no node logins any more; the placement names the holder next time.
            AtomicInteger asked = new AtomicInteger();
            links = new NodeLinks(new NodeLinks.Settings("edge", ClusterSecret.of(CLUSTER_SECRET), linkLoops, null,
                    Duration.ofSeconds(2), P3TestGateway.MAX_FRAME_BYTES, Clock.systemUTC()));
            edge = edgeService(links, () -> asked.getAndIncrement() == 0 ? previous : holder);
            Recorder pos = new Recorder();
            edge.execute(payment("12.00", "pos-tag-9"), pos).get(20, TimeUnit.SECONDS);

            assertThat(pos.completed.get(20, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.APPROVED);
            assertThat(asked).hasValue(2);
        }
    }

    @Test
    void aGracefulStopWaitsForTheTransactionsItForwarded() throws Exception {
        startEdge(CLUSTER_SECRET);
        Recorder pos = new Recorder();
        edge.execute(payment("12.93", "pos-tag-10"), pos).get(20, TimeUnit.SECONDS);
        CompletableFuture<Void> idle = edge.stopAdmitting();

        assertThat(idle).as("still forwarding").isNotDone();
        pos.completed.get(20, TimeUnit.SECONDS);
        idle.get(5, TimeUnit.SECONDS);
    }

    @Test
    void overTlsTheLinkChecksTheHoldersCertificate(@TempDir Path dir) throws Exception {
        LocalCa ca = LocalCa.create(dir.resolve("ca"), "Cluster CA");
        ca.issueServer(List.of("localhost", "127.0.0.1"));
        holder.close();
        holder = new P3TestGateway(ServerTls.fromPem(dir.resolve("ca").resolve(LocalCa.SERVER_CERTIFICATE),
                dir.resolve("ca").resolve(LocalCa.SERVER_KEY), null));
        holder.server().acceptNodeLogins(ClusterSecret.of(CLUSTER_SECRET));
        startEdge(CLUSTER_SECRET, ClientTls.trusting(ca.caCertificate()));
        Recorder pos = new Recorder();
        edge.execute(payment("12.00", "pos-tag-13"), pos).get(20, TimeUnit.SECONDS);
        assertThat(pos.completed.get(20, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.APPROVED);

        edge.close();
        links.close();
        LocalCa other = LocalCa.create(dir.resolve("other"), "Other CA");
        startEdge(CLUSTER_SECRET, ClientTls.trusting(other.caCertificate()));
        assertThatThrownBy(() -> edge.execute(payment("12.00", "pos-tag-14"), new Recorder()).join())
                .as("a holder whose certificate this node does not trust is not reached")
                .cause().isInstanceOf(PaymentException.class).hasMessageContaining("cannot reach");
    }

    @Test
    void aWrongSecretIsRefusedAndNothingRuns() {
        startEdge("not-the-cluster-secret-at-all");
        Recorder pos = new Recorder();

        assertThatThrownBy(() -> edge.execute(payment("12.00", "pos-tag-5"), pos).join())
                .cause().isInstanceOfSatisfying(PaymentException.class, refused -> {
                    assertThat(refused.error()).isEqualTo(PaymentError.TERMINAL_ELSEWHERE);
                    assertThat(refused.getMessage()).contains("node holder at 127.0.0.1:")
                            .contains("SERVER_AUTHENTICATION_FAILED").doesNotContain("not-the-cluster-secret");
                });
        assertThat(holder.store().findByRequestReference("demo", "P3", "pos-tag-5")).isEmpty();
        assertThatThrownBy(() -> edge.execute(payment("12.00", "pos-tag-5b"), pos).join())
                .as("refused at once while the link pauses after a failed attempt")
                .cause().isInstanceOf(PaymentException.class).hasMessageContaining("next attempt in");
    }

    @Test
    void aLinkTheHolderClosedWhileIdleIsOpenedAgainByTheNextRequest() throws Exception {
        holder.close();
        holder = new P3TestGateway(Duration.ofMillis(500));
        holder.server().acceptNodeLogins(ClusterSecret.of(CLUSTER_SECRET));
        startEdge(CLUSTER_SECRET);
        Recorder first = new Recorder();
        edge.execute(payment("12.00", "pos-tag-11"), first).get(20, TimeUnit.SECONDS);
        assertThat(first.completed.get(20, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.APPROVED);
        Thread.sleep(1_500); // the holder closes the idle link

        Recorder second = new Recorder();
        edge.execute(payment("12.00", "pos-tag-12"), second).get(20, TimeUnit.SECONDS);
        assertThat(second.completed.get(20, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void aHolderWithoutASecretRefusesNodeLogins() throws Exception {
        holder.close();
        holder = new P3TestGateway();
        startEdge(CLUSTER_SECRET);

        assertThatThrownBy(() -> edge.execute(payment("12.00", "pos-tag-6"), new Recorder()).join())
                .cause().isInstanceOf(PaymentException.class).hasMessageContaining("no journal.cluster.secret");
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() {
        AtomicInteger forwarded = new AtomicInteger();
        RequestForwarder counting = (request, node, listener) -> {
            forwarded.incrementAndGet();
            return new CompletableFuture<>();
        };
        edge = edgeService(counting);

        assertThatThrownBy(() -> edge.execute(payment("12.00", "pos-tag-7").asForwarded(), new Recorder()).join())
                .cause().isInstanceOfSatisfying(PaymentException.class, refused ->
                        assertThat(refused.error()).isEqualTo(PaymentError.TERMINAL_ELSEWHERE));
        assertThat(forwarded).hasValue(0);
    }

    @Test
    void aPosConnectionCannotSendTheNodeFields() {
        try (P3TestPos pos = new P3TestPos(holder.connect(P3TestGateway.Transport.TCP))) {
            pos.login();
            pos.send(P3TestPos.execute("t-node", "devices/reader1", "12.00", parameters -> parameters
                    .putObject("metadata").put("tillgate.node.merchant", "other")));
            JsonNode refused = pos.response("t-node");
            assertThat(refused.path("status").asText()).isEqualTo("ERROR");
            assertThat(refused.path("error").path("type").asText()).isEqualTo("PARAMETER_INVALID");
            assertThat(refused.path("error").path("developerMessage").asText()).contains("metadata");
        }
        assertThat(holder.store().findByRequestReference("demo", "P3", "t-node")).isEmpty();
    }

    private void startEdge(String secret) {
        startEdge(secret, null);
    }

    private void startEdge(String secret, ClientTls tls) {
        links = new NodeLinks(new NodeLinks.Settings("edge", ClusterSecret.of(secret), linkLoops, tls,
                Duration.ofSeconds(2), P3TestGateway.MAX_FRAME_BYTES, Clock.systemUTC()));
        edge = edgeService(links);
    }

    /** A node that configures reader1 but is told the holder drives it. */
    private PaymentService edgeService(RequestForwarder forwarder) {
        return edgeService(forwarder, () -> holder);
    }

    private PaymentService edgeService(RequestForwarder forwarder, Supplier<P3TestGateway> driver) {
        TerminalPlacement placement = new TerminalPlacement() {
            @Override
            public Optional<String> elsewhere(String terminalId) {
                return Optional.of("terminal " + terminalId + " is driven by node holder");
            }

            @Override
            public Optional<Holder> holder(String terminalId) {
                int port = driver.get().server().webSocketAddress().getPort();
                return Optional.of(new Holder("holder", "127.0.0.1:" + port));
            }
        };
        return new PaymentService(List.of(new SimulatedTerminal("reader1", SimulatedTiming.FAST, scheduler, false)),
                holder.store(), PaymentServiceSettings.defaults(), Clock.systemUTC(), placement, forwarder);
    }

    private static PaymentRequest payment(String amount, String tag) {
        return payment(amount, tag, null);
    }

    private static PaymentRequest payment(String amount, String tag, String reference) {
        return new PaymentRequest("demo", "reader1", "P3", tag, PaymentCommand.sale(Money.ofMajor(amount, "EUR"),
                reference, "forwarded"), ReferenceRule.RETRY_RETURNS_APPROVAL, null);
    }


    /** Runs {@code request} through the edge and waits for its answer. */
    private TransactionRecord settle(PaymentRequest request) throws Exception {
        Recorder pos = new Recorder();
        edge.execute(request, pos).get(20, TimeUnit.SECONDS);
        return pos.completed.get(20, TimeUnit.SECONDS);
    }

    /** A P3 amend as a POS sends it: no device, all that is left of the original. */
    private static PaymentRequest followOn(PaymentKind kind, String originalId, String tag) {
        return new PaymentRequest("demo", null, "P3", tag, new PaymentCommand(kind, null, null, originalId,
                "forwarded " + kind), ReferenceRule.RETRY_RETURNS_APPROVAL, null);
    }

    private void awaitState(String id, TransactionState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (holder.store().findById(id).map(TransactionRecord::state).orElse(null) != state) {
            assertThat(System.nanoTime() - deadline).as("transaction %s reaches %s", id, state).isNegative();
            Thread.sleep(20);
        }
    }

    /** A POS front-end's view of a transaction. */
    private static final class Recorder implements TransactionObserver {
        final List<TerminalStatus> statuses = new CopyOnWriteArrayList<>();
        final List<TerminalAction.Type> actions = new CopyOnWriteArrayList<>();
        final List<String> ids = new CopyOnWriteArrayList<>();
        final CompletableFuture<TransactionRecord> completed = new CompletableFuture<>();
        final AtomicInteger aborts = new AtomicInteger();
        volatile BiConsumer<TransactionRecord, TerminalStatus> onStatus = (r, s) -> { };
        volatile BiConsumer<TransactionRecord, TerminalAction> onAction = (r, a) -> { };

        @Override
        public void onStatus(TransactionRecord transaction, TerminalStatus status) {
            statuses.add(status);
            ids.add(transaction.id());
            onStatus.accept(transaction, status);
        }

        @Override
        public void onAction(TransactionRecord transaction, TerminalAction action) {
            actions.add(action.type());
            ids.add(transaction.id());
            onAction.accept(transaction, action);
        }

        @Override
        public void onCompleted(TransactionRecord transaction) {
            completed.complete(transaction);
        }
    }
}
