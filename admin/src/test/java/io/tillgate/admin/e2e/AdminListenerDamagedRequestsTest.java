package io.tillgate.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.admin.AdminServer;
import io.tillgate.admin.AdminServices;
import io.tillgate.admin.AdminSettings;
import io.tillgate.admin.GatewayInfo;
import io.tillgate.admin.api.ReceiptPrinter;
import io.tillgate.admin.auth.Account;
import io.tillgate.admin.auth.ApiToken;
import io.tillgate.admin.auth.PasswordHashes;
import io.tillgate.admin.auth.Role;
import io.tillgate.admin.health.ReadinessCheck;
import io.tillgate.admin.terminal.TerminalBoard;
import io.tillgate.admin.terminal.TerminalView;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.PublishingTransactionStore;
import io.tillgate.testkit.DamagedTraffic;
import io.tillgate.testkit.RawExchange;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin listener under damaged requests over real connections, several at a time: every answer
 * is an HTTP response that is not a server error, or a close; nothing stalls, no buffer leaks (the
 * testkit's leak guard), and a good request is still answered afterwards.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AdminListenerDamagedRequestsTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123";
    private static final byte[][] REQUESTS = {
        get("/health/ready", ""),
        get("/api/transactions?state=APPROVED&limit=5", "Authorization: Bearer " + TOKEN + "\r\n"),
        get("/api/terminals", "Authorization: Basic YWxpY2U6YWxpY2UtcGFzc3dvcmQtMQ==\r\n"),
        post("/api/session", "{\"name\":\"alice\",\"password\":\"alice-password-1\"}", ""),
        post("/api/transactions/0123456789abcdef0123456789abcdef/resolve", "{\"result\":\"APPROVED\",\"note\":\"x\"}",
                "Authorization: Bearer " + TOKEN + "\r\n"),
        get("/console/main.js", ""),
    };

    @Test
    void damagedRequestsGetAnHttpAnswerThatIsNotAServerErrorOrAClose() throws Exception {
        PublishingTransactionStore journal = new PublishingTransactionStore(new InMemoryTransactionStore());
        try (ServerTransport transport = ServerTransport.create("admin-test", 1)) {
            AdminServer server = new AdminServer(new AdminSettings("127.0.0.1", 0, ListenerGuards.defaults(),
                    List.of(new Account("alice", Role.OPERATOR, PasswordHashes.hash("alice-password-1".toCharArray(), 4))),
                    List.of(ApiToken.of("scraper", Role.OPERATOR, TOKEN)), Duration.ofMinutes(5), Duration.ofMinutes(1)),
                    new AdminServices(journal, new NoTerminals(), List.of(new AlwaysReady()), null,
                            new GatewayInfo("test", Clock.systemUTC().instant(), null, List.of("shop")),
                            new ReceiptPrinter(new MerchantDirectory(List.of()), ZoneOffset.UTC, 40), null),
                    transport, "", Clock.systemUTC());
            server.open();
            try {
                InetSocketAddress address = server.addresses().get(0);
                DamagedTraffic traffic = new DamagedTraffic(address, mutator -> mutator.mutate(mutator.pick(REQUESTS)),
                        AdminListenerDamagedRequestsTest::isAnHttpAnswerButNotAServerError);
                assertThat(traffic.run(1, 300, 8)).isEmpty();
                DamagedTraffic noise = new DamagedTraffic(address, mutator -> mutator.noise(2048),
                        AdminListenerDamagedRequestsTest::isAnHttpAnswerButNotAServerError);
                assertThat(noise.run(50_000, 100, 8)).isEmpty();

                byte[] answer = RawExchange.exchange(address, REQUESTS[0], Duration.ofMillis(200), Duration.ofSeconds(5));
                assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 ");
            } finally {
                server.close();
            }
        }
    }

    private static boolean isAnHttpAnswerButNotAServerError(byte[] answer) {
        if (answer.length == 0) {
            return true;
        }
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        return text.startsWith("HTTP/1.1 ") && text.length() >= 12 && text.charAt(9) != '5';
    }

    private static byte[] get(String path, String headers) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] post(String path, String body, String headers) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                + "Content-Type: application/json\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] request = Arrays.copyOf(head, head.length + content.length);
        System.arraycopy(content, 0, request, head.length, content.length);
        return request;
    }

    private static final class NoTerminals implements TerminalBoard {
        @Override
        public List<TerminalView> terminals() {
            return List.of();
        }

        @Override
        public void subscribe(Consumer<TerminalView> listener) {
        }
    }

    private static final class AlwaysReady implements ReadinessCheck {
        @Override
        public String name() {
            return "journal";
        }

        @Override
        public Result check() {
            return Result.up("in memory");
        }
    }
}
