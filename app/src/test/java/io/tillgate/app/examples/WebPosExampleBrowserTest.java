package io.tillgate.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.Gateway;
import io.tillgate.app.browser.HeadlessChromium;
import io.tillgate.app.browser.Screenshots;
import io.tillgate.app.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-page web POS of {@code examples/web-pos} in Debian's headless Chromium, paying over P3
 * WebSocket on a real gateway started in this JVM (simulated terminals, SQLite journal, free
 * loopback ports). The page is the file in the repository, served over HTTP as a shop would serve
 * it; the gateway admits WebSockets only from that page's origin ({@code p3.allowedOrigins}), as
 * the example's README tells a user to configure it. Screenshots of each step land in
 * {@code target/web-pos-screenshots}. The order only numbers the screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebPosExampleBrowserTest {

    private static final Path PAGE = Path.of("..", "examples", "web-pos", "index.html");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String MERCHANT = "shop";
    private static final String SECRET = "web-pos-test-secret";

    @TempDir
    static Path dir;

    private static StaticPageServer site;
    private static Gateway gateway;
    private static HeadlessChromium chromium;
    private static Screenshots screenshots;
    private static WebPosPage page;

    @BeforeAll
    static void start() throws Exception {
        assertThat(PAGE).as("the example page, from the app module's directory").isRegularFile();
        site = StaticPageServer.serve(PAGE);
        Path config = dir.resolve("tillgate.yaml");
        Files.writeString(config, """
                gateway: {host: 127.0.0.1}
                journal: {url: "jdbc:sqlite:%s"}
                p3: {websocketPort: 0, tcpPort: 0, allowedOrigins: ["%s"]}
                admin: {enabled: false}
                merchants:
                  - {id: %s, secret: %s, name: Web POS Test Shop, city: Berlin, terminals: [sim-1, sim-2]}
                terminals:
                  - {id: sim-1, name: Counter 1, type: simulated, speed: fast}
                  - {id: sim-2, name: Counter 2, type: simulated, speed: fast}
                """.formatted(dir.resolve("journal.db"), site.origin(), MERCHANT, SECRET));
        gateway = Gateway.start(ConfigLoader.load(config));
        Path target = Path.of("target");
        chromium = HeadlessChromium.start(dir.resolve("chromium-profile"), target.resolve("chromedriver-web-pos.log"));
        chromium.viewport(1100, 1000);
        screenshots = Screenshots.in(target.resolve("web-pos-screenshots"));
        page = new WebPosPage(chromium.driver(), PATIENCE);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @AfterEach
    void noScriptErrors() {
        // The one error a page may log is the browser's own report of a refused WebSocket handshake.
        assertThat(chromium.consoleErrors())
                .filteredOn(message -> !message.contains("Unexpected response code: 403"))
                .isEmpty();
    }

    @Test
    @Order(1)
    void cashierLogsInPaysSignsAbortsAndLooksUpAPaymentWhoseConnectionDropped() {
        page.open(site.pageUri());
        screenshots.take(chromium, "opened");
        page.logIn(gateway.p3WebSocketUri(), MERCHANT, SECRET);
        page.waitLoggedIn();
        assertThat(page.devices()).containsExactly("devices/sim-1", "devices/sim-2");
        assertThat(page.connection()).contains(MERCHANT, "2 terminal(s)");
        screenshots.take(chromium, "logged-in");

        page.pay("sim-1", "12.00");
        String approved = page.waitOutcome("APPROVED");
        assertThat(approved).matches("[0-9a-f]{32}");
        assertThat(page.fact("amount")).isEqualTo("12.00 EUR");
        assertThat(page.fact("card")).containsPattern("[0-9]{6}\\*+[0-9]{4}");
        assertThat(page.fact("authorisation")).isNotBlank();
        assertThat(page.customerReceipt()).contains("12.00", "EUR");
        assertThat(page.merchantReceipt()).contains("12.00", "Web POS Test Shop");
        // The secret went out once, in the login, and the page's message log does not show it.
        assertThat(page.log()).contains("LOGIN_MERCHANT_REQUEST", "\"merchantSecret\":\"•••\"",
                "\"amount\":12.00,", "EXECUTE_TRANSACTION_UPDATE", "EXECUTE_TRANSACTION_RESPONSE")
                .doesNotContain(SECRET);
        screenshots.take(chromium, "paid-12.00-approved");

        page.pay("sim-1", "12,92");
        page.waitSignatureRequested();
        page.sign();
        screenshots.take(chromium, "12.92-signature-requested-signed");
        page.submitSignature();
        String signed = page.waitOutcome("APPROVED");
        assertThat(signed).isNotEqualTo(approved);
        assertThat(page.fact("amount")).isEqualTo("12.92 EUR");
        assertThat(page.log()).contains("CUSTOMER_SIGNATURE", "SUBMIT_SIGNATURE_REQUEST", "<PNG, base64>",
                "SUBMIT_SIGNATURE_RESPONSE");
        screenshots.take(chromium, "paid-12.92-signed-approved");

        page.pay("sim-2", "12.92");
        page.waitSignatureRequested();
        page.waitAbortOffered();
        page.signOnPaper();
        page.waitOutcome("APPROVED");
        assertThat(page.log()).contains("\"signatureOnReceipt\":true");
        assertThat(page.merchantReceipt()).contains("Customer signature");
        assertThat(page.customerReceipt()).doesNotContain("Customer signature");
        screenshots.take(chromium, "paid-12.92-signed-on-paper-approved");

        page.pay("sim-2", "12.93");
        page.waitAbortOffered();
        assertThat(page.display().get(0)).isNotBlank();
        screenshots.take(chromium, "12.93-waiting-for-card-abortable");
        page.abort();
        page.waitOutcome("ABORTED");
        assertThat(page.outcomeDetail()).contains("ABORTED_MERCHANT_ABORTED");
        assertThat(page.log()).contains("ABORT_TRANSACTION_REQUEST", "ABORT_TRANSACTION_RESPONSE");
        screenshots.take(chromium, "paid-12.93-aborted");

        // 12.96: the gateway drops the connection before the response; the payment completes regardless.
        page.pay("sim-1", "12.96");
        page.waitDisconnected();
        assertThat(page.connection()).contains("while a payment ran", "log in again");
        assertThat(page.saleShown()).isFalse();
        screenshots.take(chromium, "12.96-connection-dropped");
        page.logIn(gateway.p3WebSocketUri(), MERCHANT, SECRET);
        page.waitLoggedIn();
        page.waitRecoveryOffered();
        page.recover();
        page.waitOutcome("APPROVED");
        assertThat(page.fact("amount")).isEqualTo("12.96 EUR");
        assertThat(page.log()).contains("QUERY_TRANSACTION_REQUEST", "QUERY_TRANSACTION_RESPONSE");
        screenshots.take(chromium, "12.96-looked-up-approved");
    }

    @Test
    @Order(2)
    void anAmountWithTooManyDecimalsIsRefusedBeforeAnythingIsSent() {
        page.open(site.pageUri());
        page.logIn(gateway.p3WebSocketUri(), MERCHANT, SECRET);
        page.waitLoggedIn();
        page.pay("sim-1", "12.001");
        assertThat(page.payError()).contains("at most 2 decimals");
        assertThat(page.log()).doesNotContain("EXECUTE_TRANSACTION_REQUEST");
        screenshots.take(chromium, "amount-refused");
    }

    @Test
    @Order(3)
    void aWrongSecretIsRefusedInP3Terms() {
        page.open(site.pageUri());
        page.logIn(gateway.p3WebSocketUri(), MERCHANT, "not-the-secret-at-all");
        assertThat(page.waitLoginError()).startsWith("Login refused (SERVER_AUTHENTICATION_FAILED)");
        assertThat(page.saleShown()).isFalse();
        screenshots.take(chromium, "wrong-secret");
    }

    @Test
    @Order(4)
    void aPageFromAnOriginNotOnTheAllowListCannotConnectAndSaysWhatToConfigure() {
        page.open(PAGE.toAbsolutePath().toUri());
        page.logIn(gateway.p3WebSocketUri(), MERCHANT, SECRET);
        assertThat(page.waitLoginError()).contains("p3.allowedOrigins");
        assertThat(page.saleShown()).isFalse();
        screenshots.take(chromium, "file-origin-refused");
    }
}
