package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.merchant.Merchant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Merchant secrets of at least 12 characters (PCI DSS 8.3.6), the demo secret only on loopback,
 * and secrets written as {@code ${ENV_VAR}} or {@code ${file:PATH}}; no message quotes a secret.
 */
class ConfigLoaderSecretsTest {

    private static final String DEMO = "tillgate-demo-secret";
    private static final String SECRET = "shop-secret-5c81e0";
    private static final String PASSWORD = "db-password-93a4f7";
    private static final Map<String, String> ENVIRONMENT = Map.of("SHOP_SECRET", SECRET, "DB_PASSWORD", PASSWORD,
            "DEMO_SECRET", DEMO);

    @TempDir
    Path dir;

    @Test
    void aSecretOfElevenCharactersIsRefusedAndOneOfTwelveAccepted() throws IOException {
        assertThatThrownBy(() -> load(merchants("twelve-chars", "eleven-char")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config key 'merchants[1].secret': must be at least 12 characters");
        assertThat(merchant(load(merchants("twelve-chars"))).secretMatches("twelve-chars")).isTrue();
    }

    @Test
    void aMissingSecretIsRequired() {
        assertThatThrownBy(() -> load("merchants: [{id: shop}]\nterminals: [{id: t1}]\n"))
                .hasMessage("config key 'merchants[0].secret': is required (at least 12 characters)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.0.0.2", "::1", "[::1]"})
    void theDemoSecretIsAcceptedWhileEveryListenerIsOnLoopback(String host) throws IOException {
        GatewaySettings settings = load("gateway: {host: \"" + host + "\"}\n" + merchants(DEMO));

        assertThat(merchant(settings).secretMatches(DEMO)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.168.1.20", "::", "pos.example.com"})
    void theDemoSecretIsRefusedWhenTheGatewayHostIsReachableFromTheNetwork(String host) {
        assertThatThrownBy(() -> load("gateway: {host: \"" + host + "\"}\n" + merchants(SECRET, DEMO)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config key 'merchants[1].secret': is the demo secret, which is accepted only while every "
                        + "listener is bound to loopback, but gateway.host binds " + host + " (P3 and every "
                        + "front-end); set a secret of your own of at least 12 characters (e.g. secret: "
                        + "${TILLGATE_MERCHANT_SECRET}), or bind every listener to localhost")
                .hasMessageNotContaining(DEMO);
    }

    @Test
    void theDemoSecretIsRefusedWhenTheNexoListenerIsReachableFromTheNetwork() throws IOException {
        String nexoTerminal = "terminals: [{id: t1}, {id: pax, type: nexo, host: 192.0.2.9, "
                + "nexo: {integration: full}}]\n";
        String demoMerchant = "merchants: [{id: shop, secret: " + DEMO + "}]\n";

        assertThat(merchant(load(demoMerchant + nexoTerminal)).secretMatches(DEMO))
                .as("without nexoListener.host the listener binds gateway.host, localhost").isTrue();
        assertThatThrownBy(() -> load("nexoListener: {host: 192.168.1.20}\n" + demoMerchant + nexoTerminal))
                .hasMessageContaining("but nexoListener.host binds 192.168.1.20;");
        assertThat(merchant(load("nexoListener: {host: 127.0.0.1}\n" + demoMerchant + nexoTerminal))
                .secretMatches(DEMO)).isTrue();
    }

    @Test
    void theDemoSecretFromTheEnvironmentIsRefusedToo() {
        assertThatThrownBy(() -> load("gateway: {host: 0.0.0.0}\n" + merchants("${DEMO_SECRET}")))
                .hasMessageContaining("config key 'merchants[0].secret': is the demo secret")
                .hasMessageNotContaining(DEMO);
    }

    @Test
    void secretsComeFromEnvironmentVariables() throws IOException {
        GatewaySettings settings = load("journal: {url: memory, password: '${DB_PASSWORD}'}\n"
                + merchants("${SHOP_SECRET}"));

        assertThat(merchant(settings).secretMatches(SECRET)).isTrue();
        assertThat(settings.journal().password()).isEqualTo(PASSWORD);
    }

    @Test
    void anUnsetVariableIsNamedWithoutAnyValue() {
        assertThatThrownBy(() -> load(merchants("${SHOP_SECRET_TYPO}")))
                .hasMessage("config key 'merchants[0].secret': environment variable SHOP_SECRET_TYPO is not set");
        assertThatThrownBy(() -> load("journal: {password: '${NO_SUCH_PASSWORD}'}\n" + merchants(SECRET)))
                .hasMessage("config key 'journal.password': environment variable NO_SUCH_PASSWORD is not set");
    }

    @Test
    void secretsComeFromFilesWithOneTrailingNewlineRemoved() throws IOException {
        Path secretFile = Files.writeString(dir.resolve("shop.secret"), SECRET + "\n");
        Path passwordFile = Files.writeString(dir.resolve("db.password"), PASSWORD);
        Path twoNewlines = Files.writeString(dir.resolve("two.secret"), SECRET + "\r\n\r\n");

        GatewaySettings settings = load("journal: {url: memory, password: '${file:" + passwordFile + "}'}\n"
                + merchants("${file:" + secretFile + "}", "${file:" + twoNewlines + "}"));

        assertThat(settings.merchants().get(0).secretMatches(SECRET)).isTrue();
        assertThat(settings.journal().password()).isEqualTo(PASSWORD);
        assertThat(settings.merchants().get(1).secretMatches(SECRET + "\r\n")).isTrue();
    }

    @Test
    void aMissingOrUnreadableFileIsNamedWithItsKey() throws IOException {
        Path missing = dir.resolve("missing.secret");
        Path directory = Files.createDirectory(dir.resolve("secrets"));

        assertThatThrownBy(() -> load(merchants("${file:" + missing + "}")))
                .hasMessage("config key 'merchants[0].secret': secret file " + missing + " does not exist");
        assertThatThrownBy(() -> load("journal: {password: '${file:" + directory + "}'}\n" + merchants(SECRET)))
                .hasMessageStartingWith("config key 'journal.password': secret file " + directory + " cannot be read")
                .hasMessageEndingWith("it is a directory)");
    }

    @Test
    void aShortSecretFromAFileIsRefusedWithoutQuotingIt() throws IOException {
        Path shortFile = Files.writeString(dir.resolve("short.secret"), "too-short\n");

        assertThatThrownBy(() -> load(merchants("${file:" + shortFile + "}")))
                .hasMessage("config key 'merchants[0].secret': must be at least 12 characters");
    }

    @Test
    void aMalformedReferenceIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> load(merchants("${SHOP_SECRET")))
                .hasMessage("config key 'merchants[0].secret': starts a reference with '${' but does not end with "
                        + "'}' (write ${ENV_VAR} or ${file:/path/to/file})");
        assertThatThrownBy(() -> load(merchants("'${" + SECRET + "}'")))
                .hasMessageStartingWith("config key 'merchants[0].secret': is a reference to neither an environment "
                        + "variable").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> load(merchants("${file:}")))
                .hasMessage("config key 'merchants[0].secret': names no file (write ${ENV_VAR} or "
                        + "${file:/path/to/file})");
    }

    /** A configuration with one simulated terminal and a merchant {@code m0, m1, …} for each secret. */
    private static String merchants(String... secrets) {
        StringBuilder yaml = new StringBuilder("merchants:\n");
        for (int i = 0; i < secrets.length; i++) {
            // Block style: a flow mapping would end at the '}' of a reference.
            yaml.append("  - id: m").append(i).append("\n    secret: ").append(secrets[i]).append('\n');
        }
        return yaml.append("terminals: [{id: t1}]\n").toString();
    }

    private static Merchant merchant(GatewaySettings settings) {
        return settings.merchants().get(0);
    }

    private GatewaySettings load(String yaml) throws IOException {
        Path file = dir.resolve("tillgate.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, ENVIRONMENT::get);
    }
}
