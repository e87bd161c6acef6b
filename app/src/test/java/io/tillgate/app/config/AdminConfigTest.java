package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.admin.auth.PasswordHashes;
import io.tillgate.admin.auth.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code admin} section: the listener, its accounts and tokens, and every refusal naming its key. */
class AdminConfigTest {

    private static final String BASE = "merchants: [{id: shop, secret: shop-secret-123, terminals: [t1]}]\n"
            + "terminals: [{id: t1}]\n";
    private static final String HASH = PasswordHashes.hash("alice-password-1".toCharArray(), 10);
    private static final String TOKEN = "a-token-of-at-least-thirty-two-chars-0123";

    @TempDir
    Path dir;

    @Test
    void withoutTheSectionThereIsNoAdminListenerAndTheEmbeddedDefaultHasOne() throws IOException {
        assertThat(load(BASE).admin()).isNull();
        GatewaySettings.AdminSpec embedded = ConfigLoader.loadDefault().admin();
        assertThat(embedded.port()).isEqualTo(8082);
        assertThat(embedded.accounts()).singleElement().satisfies(account -> {
            assertThat(account.name()).isEqualTo("admin");
            assertThat(account.role()).isEqualTo(Role.OPERATOR);
            assertThat(PasswordHashes.matches(account.passwordHash(), AdminConfig.DEMO_PASSWORD.toCharArray())).isTrue();
        });
    }

    @Test
    void accountsAndTokensAreRead() throws IOException {
        GatewaySettings.AdminSpec admin = load(BASE + """
                admin:
                  port: 9092
                  sessionTimeout: 10m
                  accounts: [{name: alice, role: operator, passwordHash: "%s"}]
                  tokens: [{name: prometheus, role: viewer, token: "${ADMIN_TOKEN}"}]
                """.formatted(HASH)).admin();
        assertThat(admin.port()).isEqualTo(9092);
        assertThat(admin.sessionIdleTimeout()).hasMinutes(10);
        assertThat(admin.accounts()).singleElement().extracting(a -> a.name() + " " + a.role()).isEqualTo("alice OPERATOR");
        assertThat(admin.tokens()).singleElement().extracting(t -> t.name() + " " + t.role())
                .isEqualTo("prometheus VIEWER");
        assertThat(load(BASE + "admin: {enabled: false, port: 9092}\n").admin()).isNull();
    }

    @Test
    void problemsAreNamedWithoutQuotingSecrets() {
        assertThatThrownBy(() -> load(BASE + "admin: {accounts: [{name: alice, role: root, passwordHash: \"" + HASH
                + "\"}]}\n")).isInstanceOf(ConfigException.class).hasMessageContaining("admin.accounts[0].role")
                .hasMessageContaining("viewer or operator");
        assertThatThrownBy(() -> load(BASE + "admin: {accounts: [{name: alice, role: viewer, passwordHash: "
                + "plain-text-password}]}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.accounts[0].passwordHash").hasMessageContaining("tillgate hash-password")
                .hasMessageNotContaining("plain-text-password");
        assertThatThrownBy(() -> load(BASE + "admin: {accounts: [{name: a, role: viewer, passwordHash: \"" + HASH
                + "\"}, {name: a, role: viewer, passwordHash: \"" + HASH + "\"}]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("admin.accounts[1].name");
        assertThatThrownBy(() -> load(BASE + "admin: {tokens: [{name: p, role: viewer, token: short-token}]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("admin.tokens[0].token")
                .hasMessageNotContaining("short-token");
        assertThatThrownBy(() -> load(BASE + "admin: {port: 8080}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.port").hasMessageContaining("already taken");
        assertThatThrownBy(() -> load(BASE + "admin: {sessionTimeout: forever}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.sessionTimeout");
    }

    @Test
    void theDemoPasswordIsRefusedOnAHostReachableFromTheNetwork() throws IOException {
        String demo = PasswordHashes.hash(AdminConfig.DEMO_PASSWORD.toCharArray(), 10);
        String admin = "admin: {accounts: [{name: admin, role: operator, passwordHash: \"" + demo + "\"}]}\n";
        assertThat(load("gateway: {host: 127.0.0.1}\n" + BASE + admin).admin().accounts()).hasSize(1);
        assertThatThrownBy(() -> load("gateway: {host: 0.0.0.0}\n" + BASE.replace("shop-secret-123", "a-real-secret-1")
                + admin)).isInstanceOf(ConfigException.class).hasMessageContaining("admin.accounts[0].passwordHash")
                .hasMessageContaining("demo password").hasMessageNotContaining(AdminConfig.DEMO_PASSWORD);
    }

    private GatewaySettings load(String yaml) throws IOException {
        Path file = dir.resolve("tillgate.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of("ADMIN_TOKEN", TOKEN)::get);
    }
}
