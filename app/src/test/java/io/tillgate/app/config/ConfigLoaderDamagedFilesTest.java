package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.testkit.FrameMutator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damaged copies of a configuration that uses every section: each one either loads, or is refused
 * with a {@link ConfigException} that says what is wrong, without repeating a secret or a
 * password — written in the file, or referred to as an environment variable or a file. Nothing
 * else may escape the loader, since {@code tillgate serve} turns only that exception into a
 * one-line error.
 */
class ConfigLoaderDamagedFilesTest {

    private static final String MERCHANT_SECRET = "merchant-secret-7f3a9c";
    private static final String JOURNAL_PASSWORD = "journal-password-51be2d";
    private static final String PASSWORD_VARIABLE = "TILLGATE_JOURNAL_PASSWORD";
    /** The journal password and the merchant secret, in that order. */
    private static final String FULL = """
            gateway:
              host: 127.0.0.1
              information: {location: Test Lab}
              transactionTimeout: 3m
              idempotencyWindow: 24h
              receiptWidth: 40
              timeZone: Europe/Paris
            journal:
              url: jdbc:postgresql://db.example.com:5432/tillgate
              user: tillgate
              password: %s
            p3: {websocketPort: 8080, tcpPort: 8081, maxFrameBytes: 1048576, idleTimeout: 10m}
            merchants:
              - {id: shop, secret: %s, name: Shop, address: 1 Main Street, zip: "10115", city: Berlin,
                 country: DE, terminals: [sim-1, caisse-1, mypos-1, pax-1]}
            terminals:
              - {id: sim-1, type: simulated, speed: fast, partialApproval: true}
              - id: caisse-1
                type: concert
                host: 192.168.1.50
                port: 8888
                connectTimeout: 3s
                concert: {protocolVersion: "0300", registerNumber: "01", immediateMode: false, tickets: "010",
                          answerDeadline: 3m, drainInterval: 200ms}
              - id: mypos-1
                type: ipp
                host: 192.168.1.51
                port: 7900
                ipp: {language: EN, fixedPinpad: true, printReceipt: 0, linkedRefunds: true, replyTimeout: 60s,
                      recoveryTimeout: 30s}
              - id: pax-1
                type: nexo
                host: 192.168.1.52
                port: 11000
                nexo: {saleId: POS7, poiId: SHOP1-POS7, integration: full, paymentTimeout: 3m, recoveryTimeout: 1m}
            nexoListener: {host: 0.0.0.0, port: 11001}
            frontEnds:
              - {protocol: concert, terminal: sim-1, port: 9888, quietInterval: 50ms}
              - {protocol: ipp, terminal: sim-1, port: 9900, slave: false}
              - {protocol: nexo, terminal: sim-1, port: 11100, posListener: "http://pos:11001/EPASSaleToPOI/3.1"}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SecretForm.class)
    void theUndamagedFileLoads(SecretForm form) throws IOException {
        GatewaySettings settings = load(write(full(form).getBytes(StandardCharsets.UTF_8)));

        assertThat(settings.terminals()).hasSize(4);
        assertThat(settings.frontEnds()).hasSize(3);
        assertThat(settings.merchants().get(0).secretMatches(MERCHANT_SECRET)).isTrue();
        assertThat(settings.journal().password()).isEqualTo(JOURNAL_PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(SecretForm.class)
    void aDamagedFileLoadsOrIsRefusedNamingTheProblemWithoutItsSecrets(SecretForm form) throws IOException {
        byte[] valid = full(form).getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (long seed = 0; seed < 2000; seed++) {
            Path file = write(new FrameMutator(seed).mutate(valid));
            try {
                load(file);
            } catch (ConfigException e) {
                refused++;
                String message = e.getMessage();
                if (message == null || message.isBlank() || message.contains(MERCHANT_SECRET)
                        || message.contains(JOURNAL_PASSWORD)) {
                    failures.add("seed " + seed + ": " + message);
                }
            } catch (RuntimeException e) {
                failures.add("seed " + seed + ": " + e);
            }
        }

        assertThat(failures).isEmpty();
        assertThat(refused).as("damaged files refused").isGreaterThan(500);
    }

    /** How the file gives its secrets. */
    enum SecretForm {
        /** Written in the file. */
        LITERAL,
        /** {@code ${ENV_VAR}} for the journal password, {@code ${file:PATH}} for the merchant secret. */
        REFERENCE
    }

    private String full(SecretForm form) throws IOException {
        if (form == SecretForm.LITERAL) {
            return FULL.formatted(JOURNAL_PASSWORD, MERCHANT_SECRET);
        }
        Path secretFile = Files.writeString(dir.resolve("merchant.secret"), MERCHANT_SECRET + "\n");
        // Quoted: in a flow mapping, the reference's '}' would end the mapping.
        return FULL.formatted("${" + PASSWORD_VARIABLE + "}", "\"${file:" + secretFile + "}\"");
    }

    private static GatewaySettings load(Path file) {
        return ConfigLoader.load(file, Map.of(PASSWORD_VARIABLE, JOURNAL_PASSWORD)::get);
    }

    private Path write(byte[] yaml) throws IOException {
        return Files.write(dir.resolve("tillgate.yaml"), yaml);
    }
}
