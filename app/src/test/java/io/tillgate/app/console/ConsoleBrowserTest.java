package io.tillgate.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.admin.auth.PasswordHashes;
import io.tillgate.app.Gateway;
import io.tillgate.app.browser.HeadlessChromium;
import io.tillgate.app.browser.Screenshots;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * The web console in Debian's headless Chromium against a real gateway started in this JVM: admin
 * listener, P3 WebSocket, payment service, journal and simulated terminals, all on free loopback
 * ports. Payments go from the browser over P3 exactly as a web POS sends them. Every step leaves a
 * screenshot in {@code target/console-screenshots}. The order only numbers the screenshots; each
 * test signs in on its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConsoleBrowserTest {

    /** Long enough to sign and to abort on a busy machine; 12.95 becomes UNKNOWN after it. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);
    private static final String MERCHANT = "demo";
    private static final String MERCHANT_SECRET = "console-test-secret";
    private static final String OPERATOR = "olivia";
    private static final String OPERATOR_PASSWORD = "olivia-operator-password";
    private static final String VIEWER = "victor";
    private static final String VIEWER_PASSWORD = "victor-viewer-password";
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    private static final int TABLET_WIDTH = 768;
    private static final int TABLET_HEIGHT = 1024;

    @TempDir
    static Path dir;

    private static Gateway gateway;
    private static PayClient pos;
    /** A 12.95 on sim-2 paid by POS software at start-up: UNKNOWN once the terminal timeout passes. */
    private static CompletableFuture<P3Transaction> posUnknown;
    private static HeadlessChromium chromium;
    private static Screenshots screenshots;
    private static ConsolePage page;

    @BeforeAll
    static void start() throws Exception {
        Path config = dir.resolve("tillgate.yaml");
        // Cost 4: the lowest bcrypt allows, so signing in costs the test milliseconds, not seconds.
        Files.writeString(config, """
                gateway: {host: 127.0.0.1, transactionTimeout: %ds}
                journal: {url: "jdbc:sqlite:%s"}
                p3: {websocketPort: 0, tcpPort: 0}
                admin:
                  port: 0
                  accounts:
                    - {name: %s, role: operator, passwordHash: "%s"}
                    - {name: %s, role: viewer, passwordHash: "%s"}
                merchants:
                  - {id: %s, secret: %s, name: Console Test Shop, city: Berlin, terminals: [sim-1, sim-2]}
                terminals:
                  - {id: sim-1, name: Simulated terminal 1, type: simulated, speed: fast}
                  - {id: sim-2, name: Simulated terminal 2, type: simulated, speed: fast}
                """.formatted(TRANSACTION_TIMEOUT.toSeconds(), dir.resolve("journal.db"),
                OPERATOR, PasswordHashes.hash(OPERATOR_PASSWORD.toCharArray(), 4),
                VIEWER, PasswordHashes.hash(VIEWER_PASSWORD.toCharArray(), 4), MERCHANT, MERCHANT_SECRET));
        gateway = Gateway.start(ConfigLoader.load(config));
        pos = PayClient.builder(gateway.p3WebSocketUri()).build();
        pos.connect().get(10, TimeUnit.SECONDS);
        pos.login(MERCHANT, MERCHANT_SECRET).get(10, TimeUnit.SECONDS);
        posUnknown = pos.charge(ChargeRequest.of("sim-2", Money.ofMajor("12.95", "EUR")), null)
                .outcome().thenApply(TransactionResult::transaction);

        Path target = Path.of("target");
        chromium = HeadlessChromium.start(dir.resolve("chromium-profile"), target.resolve("chromedriver.log"));
        screenshots = Screenshots.in(target.resolve("console-screenshots"));
        page = new ConsolePage(chromium.driver(), gateway.adminUri(), TRANSACTION_TIMEOUT.plusSeconds(15));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (pos != null) {
            pos.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        // The only errors a page may log are the answers it expects: 401 while signed out or for a wrong password.
        assertThat(chromium.consoleErrors())
                .filteredOn(message -> !message.matches("(?s).*/api/session - Failed to load resource: the server "
                        + "responded with a status of 401.*"))
                .isEmpty();
    }

    @Test
    @Order(1)
    void operatorPaysOverP3FromTheBrowserWatchesItLiveAndResolvesAnUnknownTransaction() {
        chromium.viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        page.openSignedOut();
        screenshots.take(chromium, "sign-in");

        page.signIn(OPERATOR, OPERATOR_PASSWORD);
        page.waitSignedIn(OPERATOR, "operator");
        assertThat(page.terminalIds()).containsExactly("sim-1", "sim-2");
        page.waitTerminalState("sim-1", "IDLE");
        screenshots.take(chromium, "terminal-board");

        page.connectP3(MERCHANT, MERCHANT_SECRET);
        assertThat(page.devices()).containsExactly("devices/sim-1", "devices/sim-2");

        page.startPayment("sim-1", "12.00");
        String approved = page.waitPaymentResult("APPROVED");
        page.waitFeedState(approved, "APPROVED");
        screenshots.take(chromium, "paid-12.00-approved");

        page.startPayment("sim-1", "12.92");
        page.waitSignatureRequested();
        page.signOnPad();
        assertThat(page.inkPixels()).as("ink on the signature pad").isGreaterThan(500);
        screenshots.take(chromium, "signature-pad-signed");
        page.submitSignature();
        String signed = page.waitPaymentResult("APPROVED");
        assertThat(page.paymentLog()).contains("CUSTOMER_SIGNATURE", "Signature accepted");
        page.waitFeedState(signed, "APPROVED");
        screenshots.take(chromium, "paid-12.92-signed-approved");

        page.startPayment("sim-1", "12.93");
        page.waitAbortOffered();
        page.waitTerminalState("sim-1", "BUSY");
        screenshots.take(chromium, "paying-12.93-abortable-terminal-busy");
        page.abort();
        String aborted = page.waitPaymentResult("ABORTED");
        page.waitFeedState(aborted, "ABORTED");
        page.waitTerminalState("sim-1", "IDLE");
        page.waitFeedState(approved, "APPROVED");
        page.waitFeedState(signed, "APPROVED");
        screenshots.take(chromium, "paid-12.93-aborted-feed");

        page.openFromFeed(signed);
        assertThat(page.detailState()).isEqualTo("APPROVED");
        assertThat(page.history()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.history().get(page.history().size() - 1)).contains("APPROVED");
        assertThat(page.merchantReceipt()).contains("12.92").containsPattern("[0-9]{6}\\*+[0-9]{4}");
        assertThat(page.customerReceipt()).contains("12.92");
        screenshots.take(chromium, "detail-12.92-history-receipts");

        page.openLive();
        page.startPayment("sim-1", "12.95");
        String unknown = page.waitPaymentResult("INCONCLUSIVE");
        page.waitFeedState(unknown, "UNKNOWN");
        page.openUnresolved();
        page.waitUnresolved(unknown, "UNKNOWN");
        assertThat(page.hasResolveControls(unknown)).isTrue();
        assertThat(page.readOnlyNoticeShown()).isFalse();
        int needingAnOperator = page.unresolvedCount();
        assertThat(needingAnOperator).isPositive();
        screenshots.take(chromium, "unresolved-before");

        page.resolve(unknown, "DECLINED", "Terminal log shows no authorisation, ticket 4711");
        page.waitLeftUnresolved(unknown);
        page.waitUnresolvedCount(needingAnOperator - 1);
        assertThat(page.unresolvedStatus()).contains(unknown, "DECLINED");
        screenshots.take(chromium, "unresolved-after");

        page.openDetail(unknown);
        assertThat(page.detailState()).isEqualTo("DECLINED");
        assertThat(page.history().get(page.history().size() - 1))
                .contains("DECLINED", OPERATOR, "Terminal log shows no authorisation, ticket 4711");
        screenshots.take(chromium, "detail-resolved-by-operator");

        page.signOut();
    }

    @Test
    @Order(2)
    void viewerOnATabletSeesEverythingButCannotResolve() throws Exception {
        P3Transaction unknown = posUnknown.get(TRANSACTION_TIMEOUT.toSeconds() + 20, TimeUnit.SECONDS);
        assertThat(TransactionStatus.of(unknown)).isEqualTo(TransactionStatus.INCONCLUSIVE);
        chromium.viewport(TABLET_WIDTH, TABLET_HEIGHT);
        page.openSignedOut();
        page.signIn(VIEWER, VIEWER_PASSWORD);
        page.waitSignedIn(VIEWER, "viewer");
        assertThat(page.terminalIds()).containsExactly("sim-1", "sim-2");
        page.waitFeedState(unknown.identifier(), "UNKNOWN");
        screenshots.take(chromium, "tablet-viewer-live");

        page.openUnresolved();
        page.waitUnresolved(unknown.identifier(), "UNKNOWN");
        assertThat(page.hasResolveControls(unknown.identifier())).isFalse();
        assertThat(page.readOnlyNoticeShown()).isTrue();
        screenshots.take(chromium, "tablet-viewer-unresolved-read-only");

        page.openJournal();
        List<String> found = page.searchByTerminal("sim-2");
        assertThat(found).contains(unknown.identifier());
        assertThat(page.exportCsvHref()).contains("/api/transactions/export?", "format=csv", "terminal=sim-2");
        screenshots.take(chromium, "tablet-viewer-journal");

        page.openDetail(unknown.identifier());
        assertThat(page.detailState()).isEqualTo("UNKNOWN");
        screenshots.take(chromium, "tablet-viewer-detail");
        page.signOut();
    }

    @Test
    @Order(3)
    void aWrongPasswordIsRefusedWithAnError() {
        chromium.viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        page.openSignedOut();
        page.signIn(OPERATOR, "not-the-password");
        assertThat(page.waitSignInError()).isNotBlank();
        assertThat(page.signedIn()).isFalse();
        screenshots.take(chromium, "wrong-password");
    }
}
