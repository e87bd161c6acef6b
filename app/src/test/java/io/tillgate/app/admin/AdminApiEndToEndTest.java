package io.tillgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.admin.auth.Account;
import io.tillgate.admin.auth.ApiToken;
import io.tillgate.admin.auth.PasswordHashes;
import io.tillgate.admin.auth.Role;
import io.tillgate.app.Gateway;
import io.tillgate.app.TestSettings;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.codec.P3Transaction;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API over a real socket, in front of a real gateway paying on simulated terminals: each
 * endpoint with each kind of credentials and role, sign-in and sign-out, the guards against forged
 * requests, the resolution of an UNKNOWN transaction and the live event stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminApiEndToEndTest {

    private static final String OPERATOR_PASSWORD = "alice-operator-pw";
    private static final String VIEWER_PASSWORD = "victor-viewer-pw";
    private static final String TOKEN = "0123456789abcdef0123456789abcdef-viewer-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path journalDir;

    private Gateway gateway;
    private URI admin;
    private PayClient pos;
    private String device;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        GatewaySettings settings = TestSettings.fastDefault(journalDir).withTransactionTimeout(Duration.ofSeconds(2))
                .withAdmin(new GatewaySettings.AdminSpec(0, List.of(
                        new Account("alice", Role.OPERATOR, PasswordHashes.hash(OPERATOR_PASSWORD.toCharArray(), 10)),
                        new Account("victor", Role.VIEWER, PasswordHashes.hash(VIEWER_PASSWORD.toCharArray(), 10)),
                        new Account("locky", Role.VIEWER, PasswordHashes.hash("locky-password-1".toCharArray(), 10))),
                        List.of(ApiToken.of("prometheus", Role.VIEWER, TOKEN)), Duration.ofMinutes(30),
                        Duration.ofMinutes(15)));
        gateway = Gateway.start(settings);
        admin = gateway.adminUri();
        pos = PayClient.builder(URI.create("ws://127.0.0.1:" + gateway.p3WebSocketUri().getPort() + "/p3")).build();
        pos.connect().get(5, TimeUnit.SECONDS);
        device = pos.login("demo", "tillgate-demo-secret").get(5, TimeUnit.SECONDS).get(0).identifier();
    }

    @AfterAll
    void stop() {
        if (pos != null) {
            pos.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void healthNeedsNoCredentialsAndReportsTheJournalListenersAndTerminals() throws Exception {
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/journal/status").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/listeners/status").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/listeners/detail").asText()).contains("P3 WebSocket", "P3 TCP", "admin");
        assertThat(body.at("/checks/terminals/sim-1/status").asText()).isEqualTo("UP");
    }

    @Test
    void everyApiEndpointRefusesAnonymousAndWrongPasswordsAndServesEachRole() throws Exception {
        for (String path : List.of("/api/gateway", "/api/terminals", "/api/transactions", "/api/session",
                "/api/transactions/export?format=json", "/api/transactions/0123456789abcdef0123456789abcdef")) {
            assertThat(get(path, null).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(get(path, basic("mallory", "not-an-account-here")).statusCode()).as("unknown " + path)
                    .isEqualTo(401);
            assertThat(get(path, "Bearer not-a-token-of-this-gateway-at-all-x").statusCode()).as("bad token " + path)
                    .isEqualTo(401);
            int expected = path.endsWith("cdef") ? 404 : 200;
            assertThat(get(path, basic("victor", VIEWER_PASSWORD)).statusCode()).as("viewer " + path)
                    .isEqualTo(expected);
            assertThat(get(path, basic("alice", OPERATOR_PASSWORD)).statusCode()).as("operator " + path)
                    .isEqualTo(expected);
            assertThat(get(path, "Bearer " + TOKEN).statusCode()).as("token " + path).isEqualTo(expected);
        }
        HttpResponse<String> wrongPassword = get("/api/terminals", basic("victor", "not-the-password"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongPassword.body()).path("error").asText()).isEqualTo("wrong name or password");
        JsonNode terminals = JSON.readTree(get("/api/terminals", "Bearer " + TOKEN).body());
        assertThat(terminals).extracting(t -> t.path("id").asText()).containsExactly("sim-1", "sim-2");
        assertThat(terminals.get(0).path("protocol").asText()).isEqualTo("simulated");
        JsonNode info = JSON.readTree(get("/api/gateway", basic("victor", VIEWER_PASSWORD)).body());
        assertThat(info.at("/account/role").asText()).isEqualTo("viewer");
        assertThat(info.at("/p3/webSocket").asText()).isEqualTo("ws://127.0.0.1:" + gateway.p3WebSocketUri().getPort()
                + "/p3");
        assertThat(info.path("merchants")).extracting(JsonNode::asText).containsExactly("demo");
    }

    @Test
    void metricsAreScrapedWithAViewerTokenAndCountRefusedSignIns() throws Exception {
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        get("/api/session", basic("victor", "a-wrong-password"));
        pos.charge(ChargeRequest.of(device, Money.ofMajor("12.00", "EUR")), null)
                .outcome().get(15, TimeUnit.SECONDS).transaction();

        HttpResponse<String> scrape = get("/metrics", "Bearer " + TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(sample(scrape.body(), "tillgate_logins_failed_total\\{listener=\"admin\"}")).isPositive();
        assertThat(sample(scrape.body(), "tillgate_transactions_total\\{.*outcome=\"APPROVED\".*}")).isPositive();
        assertThat(sample(scrape.body(), "tillgate_connections_open\\{listener=\"admin\"}")).isPositive();
    }

    /** The value of the one sample whose name and labels match {@code series}. */
    private static double sample(String scrape, String series) {
        List<Double> values = scrape.lines().filter(line -> line.matches(series + " \\S+"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
        assertThat(values).as(series).hasSize(1);
        return values.get(0);
    }

    @Test
    void aConsoleSessionLastsUntilSignOut() throws Exception {
        HttpResponse<String> wrong = post("/api/session", "{\"name\":\"alice\",\"password\":\"nope-nope-nope\"}", null,
                null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> signIn = post("/api/session",
                "{\"name\":\"alice\",\"password\":\"" + OPERATOR_PASSWORD + "\"}", null, null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(signIn.body()).path("role").asText()).isEqualTo("operator");
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict", "Path=/")
                .doesNotContain("Secure");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> who = send(HttpRequest.newBuilder(admin.resolve("/api/session")).header("Cookie", cookie));
        assertThat(JSON.readTree(who.body()).path("name").asText()).isEqualTo("alice");

        HttpResponse<String> signOut = send(HttpRequest.newBuilder(admin.resolve("/api/session")).header("Cookie", cookie)
                .header("Content-Type", "application/json").DELETE());
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(admin.resolve("/api/session")).header("Cookie", cookie)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/terminals", basic("locky", "wrong-password-" + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = get("/api/terminals", basic("locky", "locky-password-1"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(locked.body()).path("error").asText()).contains("locky", "locked");
    }

    @Test
    void aPaymentShowsInTheListWithItsHistoryAndReceiptsAndInTheExport() throws Exception {
        P3Transaction paid = pos.charge(ChargeRequest.of(device, Money.ofMajor("12.00", "EUR"))
                .withCustomIdentifier("order-admin-1"), null).outcome().get(15, TimeUnit.SECONDS).transaction();
        String id = paid.identifier();

        JsonNode list = JSON.readTree(get("/api/transactions?reference=order-admin-1", "Bearer " + TOKEN).body());
        assertThat(list.path("transactions")).hasSize(1);
        JsonNode listed = list.path("transactions").get(0);
        assertThat(listed.path("state").asText()).isEqualTo("APPROVED");
        assertThat(listed.at("/amount/minor").asLong()).isEqualTo(1200);
        assertThat(listed.at("/amount/currency").asText()).isEqualTo("EUR");
        assertThat(listed.at("/outcome/maskedPan").asText()).matches("\\d{6}\\*{6}\\d{4}");

        JsonNode detail = JSON.readTree(get("/api/transactions/" + listed.path("id").asText(), "Bearer " + TOKEN).body());
        assertThat(detail.path("history")).extracting(e -> e.path("state").asText())
                .containsExactly("CREATED", "SENT", "IN_PROGRESS", "APPROVED");
        assertThat(detail.at("/receipts/merchant").asText()).contains("Tillgate Demo Shop", "12.00 EUR");
        assertThat(detail.at("/receipts/customer").asText()).contains("12.00 EUR");
        assertThat(id).isNotBlank();

        assertThat(JSON.readTree(get("/api/transactions?state=APPROVED&terminal=" + listed.path("terminalId").asText(),
                "Bearer " + TOKEN).body()).path("transactions")).anyMatch(t -> t.path("id").equals(listed.path("id")));
        HttpResponse<String> badState = get("/api/transactions?state=PAID", "Bearer " + TOKEN);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("state must be one of", "PAID");
        assertThat(get("/api/transactions?from=yesterday", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/api/transactions?limit=100000", "Bearer " + TOKEN).statusCode()).isEqualTo(400);

        HttpResponse<String> csv = get("/api/transactions/export?format=csv&reference=order-admin-1", "Bearer " + TOKEN);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"tillgate-transactions-"));
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
                .contains(listed.path("id").asText(), "order-admin-1", "12.00", "EUR", "APPROVED");
        JsonNode json = JSON.readTree(get("/api/transactions/export?format=json&reference=order-admin-1",
                "Bearer " + TOKEN).body());
        assertThat(json.get(0).path("id").asText()).isEqualTo(listed.path("id").asText());
        assertThat(get("/api/transactions/export?format=xml", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void anOperatorResolvesAnUnknownTransactionAndTheJournalNamesTheAccount() throws Exception {
        pos.charge(ChargeRequest.of(device, Money.ofMajor("12.95", "EUR")).withCustomIdentifier("order-lost"), null)
                .outcome().thenApply(TransactionResult::transaction);
        JsonNode unknown = awaitTransaction("order-lost", "UNKNOWN");
        String id = unknown.path("id").asText();
        assertThat(JSON.readTree(get("/api/transactions?unresolved=true", "Bearer " + TOKEN).body())
                .path("transactions")).anyMatch(t -> t.path("id").asText().equals(id));

        String resolve = "/api/transactions/" + id + "/resolve";
        String approved = "{\"result\":\"APPROVED\",\"note\":\"acquirer report, ticket 4711\"}";
        assertThat(post(resolve, approved, basic("victor", VIEWER_PASSWORD), null).statusCode()).isEqualTo(403);
        assertThat(post(resolve, approved, "Bearer " + TOKEN, null).statusCode()).isEqualTo(403);
        assertThat(post(resolve, "{\"result\":\"APPROVED\",\"note\":\"  \"}", basic("alice", OPERATOR_PASSWORD), null)
                .statusCode()).isEqualTo(400);
        assertThat(post(resolve, "{\"result\":\"MAYBE\",\"note\":\"x\"}", basic("alice", OPERATOR_PASSWORD), null)
                .statusCode()).isEqualTo(400);

        String cookie = signIn("alice", OPERATOR_PASSWORD);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(admin.resolve(resolve)).header("Cookie", cookie)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(approved)));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite = send(HttpRequest.newBuilder(admin.resolve(resolve)).header("Cookie", cookie)
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(approved)));
        assertThat(crossSite.statusCode()).isEqualTo(403);

        HttpResponse<String> done = post(resolve, approved, null, cookie);
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode detail = JSON.readTree(done.body());
        assertThat(detail.at("/transaction/state").asText()).isEqualTo("APPROVED");
        assertThat(detail.at("/transaction/outcome/reason").asText()).isEqualTo("OPERATOR_RESOLVED");
        JsonNode last = detail.path("history").get(detail.path("history").size() - 1);
        assertThat(last.path("actor").asText()).isEqualTo("admin:alice");
        assertThat(last.path("note").asText()).isEqualTo("acquirer report, ticket 4711");

        HttpResponse<String> again = post(resolve, approved, basic("alice", OPERATOR_PASSWORD), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("only UNKNOWN transactions can be resolved");
        assertThat(JSON.readTree(get("/api/transactions?unresolved=true", "Bearer " + TOKEN).body())
                .path("transactions")).noneMatch(t -> t.path("id").asText().equals(id));
    }

    @Test
    void theEventStreamCarriesEachTransactionChangeAndTheTerminalGoingBusyAndBack() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(admin.resolve("/api/events")).header("Authorization", "Bearer " + TOKEN)
                .build();
        HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        List<String> events = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && event != null) {
                        events.add(event + " " + line.substring(6));
                    }
                }
            } catch (java.io.IOException e) {
                // The stream ends when the test closes it.
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        awaitSubscribed(events);

        pos.charge(ChargeRequest.of(device, Money.ofMajor("12.00", "EUR")).withCustomIdentifier("order-live"), null)
                .outcome()
                .get(15, TimeUnit.SECONDS).transaction();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> states = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            states.clear();
            for (String event : events) {
                if (event.startsWith("transaction ")) {
                    JsonNode t = JSON.readTree(event.substring("transaction ".length()));
                    if ("order-live".equals(t.path("reference").asText())) {
                        states.add(t.path("state").asText());
                    }
                }
            }
            if (states.contains("APPROVED")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(states).containsExactly("CREATED", "SENT", "IN_PROGRESS", "APPROVED");
        assertThat(events).anyMatch(e -> e.startsWith("terminal ") && e.contains("\"state\":\"BUSY\""));
        assertThat(events).anyMatch(e -> e.startsWith("terminal ") && e.contains("\"state\":\"IDLE\""));
        stream.body().close();
    }

    /** The stream is subscribed once its head has arrived; a change made after that is seen. */
    private static void awaitSubscribed(List<String> events) throws InterruptedException {
        Thread.sleep(200);
        assertThat(events).isEmpty();
    }

    private JsonNode awaitTransaction(String reference, String state) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = JSON.readTree(get("/api/transactions?reference=" + reference, "Bearer " + TOKEN).body())
                    .path("transactions");
            if (found.size() == 1 && found.get(0).path("state").asText().equals(state)) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("transaction " + reference + " did not reach " + state);
    }

    private String signIn(String name, String password) throws Exception {
        HttpResponse<String> signIn = post("/api/session", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}",
                null, null);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin.resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> post(String path, String body, String authorization, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
