package io.tillgate.p3.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tillgate.core.money.Money;
import io.tillgate.p3.codec.AbortTransactionRequest;
import io.tillgate.p3.codec.AbortTransactionResponse;
import io.tillgate.p3.codec.ExecuteTransactionResponse;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.LoginMerchantRequest;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageType;
import io.tillgate.p3.codec.P3Transaction;
import io.tillgate.p3.codec.QueryTransactionRequest;
import io.tillgate.p3.codec.QueryTransactionResponse;
import io.tillgate.p3.codec.SubmitSignatureRequest;
import io.tillgate.p3.codec.SubmitSignatureResponse;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PayClient against a scripted loopback server: routing, error mapping, amounts, leniency, frame
 * limit, timeouts, and recovery after a drop. {@code webSocket} parameters run a test over both
 * transports.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PayClientTest {

    private static final ReconnectPolicy FAST_RECONNECT =
            new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));

    private ScriptedP3Server server;
    private PayClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "webSocket={0}")
    @ValueSource(booleans = {false, true})
    void logsInAtTheRootAndListsTheDevices(boolean webSocket) throws Exception {
        start(webSocket);
        client.connect().get(5, TimeUnit.SECONDS);

        CompletableFuture<List<P3Device>> login = client.login("demo", "s3cret");
        P3Message request = server.acceptLogin();

        assertThat(request.isRootResource()).isTrue();
        assertThat(request.body(LoginMerchantRequest.class))
                .isEqualTo(new LoginMerchantRequest("TEST", "demo", "s3cret"));
        assertThat(login.get(5, TimeUnit.SECONDS)).isEqualTo(ScriptedP3Server.DEVICES);
        assertThat(client.devices()).isEqualTo(ScriptedP3Server.DEVICES);
    }

    @ParameterizedTest(name = "webSocket={0}")
    @ValueSource(booleans = {false, true})
    void routesInterleavedOperationsByTag(boolean webSocket) throws Exception {
        startLoggedIn(webSocket);
        RecordingListener listenerA = new RecordingListener();
        RecordingListener listenerB = new RecordingListener();

        CompletableFuture<TransactionResult> chargeA =
                client.charge(ChargeRequest.of("sim-1", eur("1.00")), listenerA).outcome();
        P3Message executeA = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        CompletableFuture<TransactionResult> chargeB =
                client.charge(ChargeRequest.of("devices/sim-2", eur("2.00")), listenerB).outcome();
        P3Message executeB = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        CompletableFuture<TransactionResult> query = client.query(QueryKey.byIdentifier("old"));
        P3Message queryRequest = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);

        assertThat(executeA.resource()).isEqualTo("devices/sim-1");
        assertThat(executeB.resource()).isEqualTo("devices/sim-2");
        assertThat(List.of(executeA.tag(), executeB.tag(), queryRequest.tag())).doesNotHaveDuplicates();

        server.send(P3Message.ok(executeB, update("PROCESSING", "b", false)));
        server.send(P3Message.ok(queryRequest, new QueryTransactionResponse(transaction("old", "APPROVED"))));
        server.send(P3Message.ok(executeA, update("WAITING_FOR_CARD_PRESENTATION", "a", true)));
        server.send(P3Message.ok(executeA, new ExecuteTransactionResponse(transaction("a", "APPROVED"))));
        server.send(P3Message.ok(executeB, new ExecuteTransactionResponse(transaction("b", "DECLINED"))));

        assertThat(chargeA.get(5, TimeUnit.SECONDS).identifier()).isEqualTo("a");
        assertThat(chargeB.get(5, TimeUnit.SECONDS).identifier()).isEqualTo("b");
        assertThat(query.get(5, TimeUnit.SECONDS).identifier()).isEqualTo("old");
        assertThat(listenerA.updates).extracting(TransactionUpdate::state)
                .containsExactly("WAITING_FOR_CARD_PRESENTATION");
        assertThat(listenerA.updates.get(0).abortable()).isTrue();
        assertThat(listenerB.updates).extracting(u -> u.transaction().identifier()).containsExactly("b");
    }

    @Test
    void amountsCarryExactlyTheCurrencyExponent() throws Exception {
        startLoggedIn(false);

        client.charge(ChargeRequest.of("sim-1", eur("5")), null);
        client.charge(ChargeRequest.of("sim-1", Money.ofMajor("500", "JPY")), null);
        client.charge(ChargeRequest.of("sim-1", eur("12.5")).withAutoCapture(false).withSubject("Coffee"), null);

        assertThat(nextRaw()).contains("\"amount\":5.00,\"currency\":\"EUR\",\"type\":\"CHARGE\",\"autoCapture\":true");
        assertThat(nextRaw()).contains("\"amount\":500,\"currency\":\"JPY\"");
        assertThat(nextRaw()).contains("\"amount\":12.50,").contains("\"autoCapture\":false")
                .contains("\"subject\":\"Coffee\"");
    }

    @Test
    void refundIsAnAmendAtTheRootWithTheOriginalIdentifier() throws Exception {
        startLoggedIn(false);

        CompletableFuture<TransactionResult> refund = client.refund(RefundRequest.of("orig-1").withAmount(eur("3.00"))
                .withSubject("Return").withCustomIdentifier("r-1").withTag("refund-tag-1")).outcome();
        P3Message amend = server.take(P3MessageType.AMEND_TRANSACTION_REQUEST);
        assertThat(amend.isRootResource()).isTrue();
        assertThat(amend.tag()).isEqualTo("refund-tag-1");
        assertThat(server.lastRaw()).contains("\"transactionParameters\":{\"amount\":3.00,\"currency\":\"EUR\","
                + "\"type\":\"REFUND\",\"subject\":\"Return\",\"customIdentifier\":\"r-1\","
                + "\"referencedTransactionIdentifier\":\"orig-1\"}");

        server.sendRaw("{\"type\":\"AMEND_TRANSACTION_UPDATE\",\"tag\":\"" + amend.tag() + "\",\"status\":\"OK\","
                + "\"amendTransactionUpdate\":{\"state\":\"PROCESSING\",\"stateDetails\":\"PROCESSING\","
                + "\"information\":[\"Refunding\",\"\"],\"abortable\":false}}");
        server.sendRaw("{\"type\":\"AMEND_TRANSACTION_RESPONSE\",\"tag\":\"" + amend.tag() + "\",\"status\":\"OK\","
                + "\"amendTransactionResponse\":{\"transaction\":{\"identifier\":\"r\",\"type\":\"REFUND\","
                + "\"status\":\"APPROVED\"}}}");

        assertThat(refund.get(5, TimeUnit.SECONDS).transaction().type()).isEqualTo("REFUND");
    }

    @Test
    void errorResponsesFailWithTheErrorAsSent() throws Exception {
        start(false);
        client.connect().get(5, TimeUnit.SECONDS);

        CompletableFuture<List<P3Device>> login = client.login("demo", "wrong");
        P3Message request = server.take(P3MessageType.LOGIN_MERCHANT_REQUEST);
        server.send(P3Message.errorFor(request, P3Error.of(P3ErrorType.SERVER_AUTHENTICATION_FAILED,
                "Wrong merchant credentials")));

        P3ErrorException e = failure(login, P3ErrorException.class);
        assertThat(e).hasMessage("login failed: SERVER_AUTHENTICATION_FAILED: Wrong merchant credentials")
                .hasMessageNotContaining("wrong");
        assertThat(e.isType(ErrorType.SERVER_AUTHENTICATION_FAILED)).isTrue();
        assertThat(client.devices()).isEmpty();

        CompletableFuture<TransactionResult> query = client.query(QueryKey.byTag("t"));
        P3Message queryRequest = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        server.send(P3Message.errorFor(queryRequest, new P3Error("SOMETHING_ONLY_A_REAL_SERVER_SENDS", null, "dev")));

        assertThat(failure(query, P3ErrorException.class).rawType()).isEqualTo("SOMETHING_ONLY_A_REAL_SERVER_SENDS");
    }

    @Test
    void anErrorExecuteResponseCarriesTheFailedTransaction() throws Exception {
        startLoggedIn(false);

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("12.99")), null).outcome();
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.sendRaw("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"" + execute.tag() + "\","
                + "\"status\":\"ERROR\",\"error\":{\"type\":\"INTERNAL_INCONSISTENCY\",\"message\":\"Terminal error\"},"
                + "\"executeTransactionResponse\":{\"transaction\":{\"identifier\":\"x\",\"status\":\"ERROR\"}}}");

        P3ErrorException e = failure(charge, P3ErrorException.class);
        assertThat(e).hasMessage("charge failed: INTERNAL_INCONSISTENCY: Terminal error");
        assertThat(e.transaction()).map(P3Transaction::identifier).contains("x");
    }

    @Test
    void statusIsReadIgnoringCaseAndUnknownFieldsAreIgnored() throws Exception {
        startLoggedIn(false);

        TransactionHandle charge = client.charge(ChargeRequest.of("sim-1", eur("1.00")));
        server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        CompletableFuture<Void> abort = charge.abort();
        P3Message abortRequest = server.take(P3MessageType.ABORT_TRANSACTION_REQUEST);
        server.sendRaw("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"" + abortRequest.tag() + "\","
                + "\"status\":\"error\","
                + "\"error\":{\"type\":\"TRANSACTION_NO_LONGER_ABORTABLE\",\"message\":\"Too late\"}}");
        assertThat(failure(abort, P3ErrorException.class).type()).isEqualTo(ErrorType.TRANSACTION_NO_LONGER_ABORTABLE);

        CompletableFuture<TransactionResult> query = client.query(QueryKey.byCustomIdentifier("ref-1"));
        P3Message queryRequest = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        assertThat(queryRequest.body(QueryTransactionRequest.class).customIdentifier()).isEqualTo("ref-1");
        server.sendRaw("{\"novel\":{\"deep\":[1,2]},\"type\":\"QUERY_TRANSACTION_RESPONSE\",\"status\":\"ok\","
                + "\"tag\":\"" + queryRequest.tag() + "\",\"queryTransactionResponse\":{\"extra\":true,"
                + "\"transaction\":{\"identifier\":\"q\",\"status\":\"approved\",\"newField\":\"x\","
                + "\"cardDetails\":{\"maskedCardNumber\":\"516815******9659\",\"chip\":\"yes\"}}}}");

        TransactionResult found = query.get(5, TimeUnit.SECONDS);
        assertThat(found.status()).isEqualTo(TransactionStatus.APPROVED);
        assertThat(found.rawStatus()).isEqualTo("approved");
        assertThat(found.transaction().cardDetails().maskedCardNumber()).isEqualTo("516815******9659");
    }

    @Test
    void anUnreadableUpdateIsSkippedButAnUnreadableResponseFailsItsOperation() throws Exception {
        startLoggedIn(false);
        RecordingListener listener = new RecordingListener();

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("1.00")), listener).outcome();
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.sendRaw("{\"type\":\"EXECUTE_TRANSACTION_UPDATE\",\"tag\":\"" + execute.tag() + "\",\"status\":\"OK\","
                + "\"executeTransactionUpdate\":{\"state\":\"PROCESSING\",\"information\":[\"only one line\"]}}");
        server.send(P3Message.ok(execute, update("PROCESSING", "u", false)));
        server.sendRaw("{\"type\":\"EXECUTE_TRANSACTION_RESPONSE\",\"tag\":\"" + execute.tag() + "\",\"status\":\"OK\","
                + "\"executeTransactionResponse\":{\"transaction\":{\"amount\":\"lots\"}}}");

        TransactionOutcomeUnknownException e = failure(charge, TransactionOutcomeUnknownException.class);
        assertThat(e.getCause()).isInstanceOf(P3ProtocolException.class)
                .hasMessageContaining("unreadable EXECUTE_TRANSACTION_RESPONSE");
        assertThat(listener.updates).extracting(u -> u.transaction().identifier()).containsExactly("u");
    }

    @ParameterizedTest(name = "webSocket={0}")
    @ValueSource(booleans = {false, true})
    void aMessageAboveTheFrameLimitClosesTheConnection(boolean webSocket) throws Exception {
        server = ScriptedP3Server.start(webSocket);
        client = PayClient.builder(server.uri()).maxFrameBytes(1024).reconnectPolicy(FAST_RECONNECT).build();
        client.connect().get(5, TimeUnit.SECONDS);
        CompletableFuture<TransactionResult> query = client.query(QueryKey.byTag("t"));
        P3Message request = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);

        if (webSocket) {
            server.sendRaw("{\"type\":\"QUERY_TRANSACTION_RESPONSE\",\"tag\":\"" + request.tag()
                    + "\",\"status\":\"OK\",\"padding\":\"" + "x".repeat(2000) + "\"}");
        } else {
            server.sendBytes(new byte[] {0, 0, 0x08, 0});
        }

        assertThat(failure(query, ConnectionLostException.class)).hasMessageContaining("got no response");
    }

    @Test
    void anActionReachesTheListenerWhichAnswersWithTheSignature() throws Exception {
        startLoggedIn(true);
        List<TransactionAction> actions = new CopyOnWriteArrayList<>();
        TransactionListener signOnReceipt = new TransactionListener() {
            @Override
            public void onAction(ActionRequest action) {
                actions.add(action.action());
                action.signOnReceipt();
            }
        };

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("12.92")), signOnReceipt).outcome();
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.sendRaw("{\"type\":\"EXECUTE_TRANSACTION_ACTION\",\"tag\":\"" + execute.tag() + "\",\"status\":\"OK\","
                + "\"executeTransactionAction\":{\"action\":\"SIGNATURE\",\"transaction\":{\"status\":\"PENDING\"}}}");
        P3Message signature = server.take(P3MessageType.SUBMIT_SIGNATURE_REQUEST);
        server.send(P3Message.ok(signature, new SubmitSignatureResponse()));
        server.send(P3Message.ok(execute, new ExecuteTransactionResponse(transaction("s", "APPROVED"))));

        assertThat(charge.get(5, TimeUnit.SECONDS).identifier()).isEqualTo("s");
        assertThat(actions).containsExactly(TransactionAction.CUSTOMER_SIGNATURE);
        assertThat(signature.resource()).isEqualTo("devices/sim-1");
        assertThat(signature.body(SubmitSignatureRequest.class).signatureOnReceipt()).isTrue();
    }

    @ParameterizedTest(name = "webSocket={0}")
    @ValueSource(booleans = {false, true})
    void recoversTheOutcomeAfterADropByQueryingTheTag(boolean webSocket) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        server = ScriptedP3Server.start(webSocket);
        client = PayClient.builder(server.uri()).reconnectPolicy(FAST_RECONNECT)
                .recoveryPollInterval(Duration.ofMillis(20))
                .listener(new PayClientListener() {
                    @Override
                    public void onDisconnected(PayClientException cause) {
                        events.add("disconnected");
                    }

                    @Override
                    public void onReconnected() {
                        events.add("reconnected");
                    }
                }).build();
        connectAndLogin();
        RecordingListener listener = new RecordingListener();

        ChargeRequest request = ChargeRequest.of("sim-1", eur("12.96")).withTag("pos-tag-1");
        CompletableFuture<TransactionResult> charge = client.charge(request, listener).outcome();
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        assertThat(execute.tag()).isEqualTo("pos-tag-1");
        server.send(P3Message.ok(execute, update("PROCESSING", "t1", false)));
        server.dropConnection();

        P3Message login = server.acceptLogin();
        assertThat(login.body(LoginMerchantRequest.class).merchantSecret()).isEqualTo("s3cret");
        P3Message firstQuery = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        assertThat(firstQuery.body(QueryTransactionRequest.class))
                .isEqualTo(QueryTransactionRequest.byTag("pos-tag-1"));
        server.send(P3Message.ok(firstQuery, new QueryTransactionResponse(transaction("t1", "PENDING"))));
        P3Message secondQuery = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        server.send(P3Message.ok(secondQuery, new QueryTransactionResponse(transaction("t1", "Approved"))));

        assertThat(charge.get(5, TimeUnit.SECONDS).identifier()).isEqualTo("t1");
        assertThat(listener.recovering).containsExactly("pos-tag-1");
        assertThat(events).containsExactly("disconnected", "reconnected");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aRefundCutOffByADropIsRecoveredByItsOwnTag() throws Exception {
        startLoggedIn(false);
        RecordingListener listener = new RecordingListener();

        TransactionHandle refund = client.refund(RefundRequest.of("orig-1").withTag("pos-refund-1"), listener);
        P3Message amend = server.take(P3MessageType.AMEND_TRANSACTION_REQUEST);
        assertThat(amend.tag()).isEqualTo("pos-refund-1");
        server.dropConnection();
        server.acceptLogin();
        P3Message query = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        assertThat(query.body(QueryTransactionRequest.class)).isEqualTo(QueryTransactionRequest.byTag("pos-refund-1"));
        server.send(P3Message.ok(query, new QueryTransactionResponse(transaction("r-1", "APPROVED"))));

        assertThat(refund.outcome().get(5, TimeUnit.SECONDS).identifier()).isEqualTo("r-1");
        assertThat(refund.tag()).isEqualTo("pos-refund-1");
        assertThat(listener.recovering).containsExactly("pos-refund-1");
        assertThat(failure(refund.abort(), PayClientException.class)).hasMessageContaining("runs on no device");
    }

    @Test
    void aRequestTheServerNeverReceivedIsNotStarted() throws Exception {
        startLoggedIn(false);

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("1.00")), null).outcome();
        server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.dropConnection();
        server.acceptLogin();
        for (int i = 0; i < 2; i++) {
            P3Message query = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
            server.send(P3Message.errorFor(query, P3Error.of(P3ErrorType.TRANSACTION_REFERENCE_NOT_FOUND, "unknown")));
        }

        assertThat(failure(charge, TransactionNotStartedException.class))
                .hasMessageContaining("was not started: the server never received it");
    }

    @Test
    void aServerWithoutTheQueryExtensionLeavesTheOutcomeUnknown() throws Exception {
        startLoggedIn(false);

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("1.00")).withTag("t-9"), null).outcome();
        server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.dropConnection();
        server.acceptLogin();
        P3Message query = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        server.send(P3Message.errorFor(query, P3Error.of(P3ErrorType.PARAMETER_INVALID, "unknown message type")));

        TransactionOutcomeUnknownException e = failure(charge, TransactionOutcomeUnknownException.class);
        assertThat(e.tag()).isEqualTo("t-9");
        assertThat(e).hasMessageContaining("t-9").hasMessageContaining("QUERY_TRANSACTION");
    }

    @Test
    void aNotFoundAfterTheServerHadAnsweredLeavesTheOutcomeUnknown() throws Exception {
        startLoggedIn(false);

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("1.00")), null).outcome();
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.send(P3Message.ok(execute, update("PROCESSING", "t", false)));
        server.dropConnection();
        server.acceptLogin();
        P3Message query = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        server.send(P3Message.errorFor(query, P3Error.of(P3ErrorType.TRANSACTION_REFERENCE_NOT_FOUND, "unknown")));

        TransactionOutcomeUnknownException e = failure(charge, TransactionOutcomeUnknownException.class);
        assertThat(e.lastKnown()).map(P3Transaction::identifier).contains("t");
    }

    @Test
    void givingUpReconnectingLeavesTheOutcomeUnknown() throws Exception {
        server = ScriptedP3Server.start(false);
        client = PayClient.builder(server.uri())
                .reconnectPolicy(
                        new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(300)))
                .build();
        connectAndLogin();

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("1.00")), null).outcome();
        server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.dropConnection();
        server.close();
        server = null;

        assertThat(failure(charge, TransactionOutcomeUnknownException.class))
                .hasMessageContaining("gave up reconnecting");
    }

    @Test
    void shortRequestsFailWhenTheConnectionDrops() throws Exception {
        startLoggedIn(false);

        TransactionHandle charge = client.charge(ChargeRequest.of("sim-1", eur("1.00")));
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.send(P3Message.ok(execute, update("WAITING_FOR_CARD_PRESENTATION", "t-1", true)));
        waitFor(() -> charge.transactionIdentifier().isPresent());
        CompletableFuture<Void> abort = charge.abort();
        P3Message abortRequest = server.take(P3MessageType.ABORT_TRANSACTION_REQUEST);
        assertThat(abortRequest.resource()).isEqualTo("devices/sim-1");
        assertThat(abortRequest.body(AbortTransactionRequest.class).transactionIdentifier()).isEqualTo("t-1");
        server.dropConnection();

        assertThat(failure(abort, ConnectionLostException.class)).hasMessageStartingWith("abort (tag ");
    }

    @Test
    void shortRequestsTimeOut() throws Exception {
        server = ScriptedP3Server.start(false);
        client = PayClient.builder(server.uri()).requestTimeout(Duration.ofMillis(200)).build();
        client.connect().get(5, TimeUnit.SECONDS);

        TransactionHandle charge = client.charge(ChargeRequest.of("sim-1", eur("1.00")));
        server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        CompletableFuture<Void> abort = charge.abort();
        P3Message request = server.take(P3MessageType.ABORT_TRANSACTION_REQUEST);

        assertThat(failure(abort, RequestTimeoutException.class)).hasMessageContaining("within 200 ms");
        server.send(P3Message.ok(request, new AbortTransactionResponse()));
    }

    @Test
    void connectingToNothingFailsClearly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        client = PayClient.builder(URI.create("tcp://127.0.0.1:" + port)).build();

        assertThat(failure(client.connect(), ConnectionFailedException.class))
                .hasMessageStartingWith("cannot connect to tcp://127.0.0.1:" + port);
        assertThat(failure(client.query(QueryKey.byTag("t")), ConnectionLostException.class))
                .hasMessageContaining("call connect() first");
    }

    @Test
    void closingFailsWhatStillRuns() throws Exception {
        startLoggedIn(false);

        CompletableFuture<TransactionResult> charge =
                client.charge(ChargeRequest.of("sim-1", eur("12.93"))).outcome();
        server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        client.close();

        assertThat(failure(charge, TransactionOutcomeUnknownException.class)).hasMessageContaining("closed");
        assertThatThrownBy(() -> client.charge(ChargeRequest.of("sim-1", eur("1.00"))).outcome()
                .get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PayClientException.class);
    }

    @Test
    void clientsShareAnEventLoopGroupTheyDoNotOwn() throws Exception {
        server = ScriptedP3Server.start(false);
        EventLoopGroup shared = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            PayClient first = PayClient.builder(server.uri()).eventLoopGroup(shared).build();
            PayClient second = PayClient.builder(server.uri()).eventLoopGroup(shared).build();
            first.connect().get(5, TimeUnit.SECONDS);
            second.connect().get(5, TimeUnit.SECONDS);

            first.close();
            CompletableFuture<TransactionResult> query = second.query(QueryKey.byTag("t"));
            P3Message request = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
            server.send(P3Message.ok(request, new QueryTransactionResponse(transaction("t", "APPROVED"))));

            assertThat(query.get(5, TimeUnit.SECONDS).identifier()).isEqualTo("t");
            assertThat(shared.isShuttingDown()).isFalse();
            second.close();
        } finally {
            shared.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------

    private void start(boolean webSocket) throws InterruptedException {
        server = ScriptedP3Server.start(webSocket);
        client = PayClient.builder(server.uri()).reconnectPolicy(FAST_RECONNECT)
                .recoveryPollInterval(Duration.ofMillis(20)).build();
    }

    private void startLoggedIn(boolean webSocket) throws Exception {
        start(webSocket);
        connectAndLogin();
    }

    private void connectAndLogin() throws Exception {
        client.connect().get(5, TimeUnit.SECONDS);
        CompletableFuture<List<P3Device>> login = client.login("demo", "s3cret");
        server.acceptLogin();
        login.get(5, TimeUnit.SECONDS);
    }

    private String nextRaw() throws InterruptedException {
        server.take();
        return server.lastRaw();
    }

    private static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("expected the future to fail with " + type.getSimpleName(), e);
        }
        throw new AssertionError("expected the future to fail with " + type.getSimpleName() + ", it succeeded");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    private static Money eur(String major) {
        return Money.ofMajor(major, "EUR");
    }

    private static ExecuteTransactionUpdate update(String state, String identifier, boolean abortable) {
        return new ExecuteTransactionUpdate(state, state, List.of(state, ""), abortable,
                transaction(identifier, "PENDING"));
    }

    private static P3Transaction transaction(String identifier, String status) {
        return P3Transaction.builder().identifier(identifier).amount(new BigDecimal("1.00")).currency("EUR")
                .type("CHARGE").status(status).build();
    }

    private static final class RecordingListener implements TransactionListener {
        final List<TransactionUpdate> updates = new CopyOnWriteArrayList<>();
        final List<String> recovering = new CopyOnWriteArrayList<>();

        @Override
        public void onUpdate(TransactionUpdate update) {
            updates.add(update);
        }

        @Override
        public void onRecovering(String tag, PayClientException cause) {
            recovering.add(tag);
        }
    }
}
