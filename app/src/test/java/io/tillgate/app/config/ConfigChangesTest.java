package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.config.GatewaySettings.FrontEndSpec;
import io.tillgate.app.config.GatewaySettings.TerminalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reload of one file over another changes, and what it leaves to a restart. */
class ConfigChangesTest {

    private static final String BASE = """
            gateway: {host: 127.0.0.1}
            journal: {url: memory}
            merchants:
              - {id: shop, name: Shop, secret: changes-test-secret, terminals: [t1, t2]}
            terminals:
              - {id: t1, speed: fast}
              - {id: t2, speed: fast}
            frontEnds:
              - {protocol: ipp, port: 9101, terminal: t1, merchant: shop}
              - {protocol: concert, port: 9102, terminal: t2, merchant: shop}
            """;

    @TempDir
    Path dir;

    @Test
    void theSameFileChangesNothing() throws Exception {
        ConfigChanges changes = ConfigChanges.between(load(BASE), load(BASE));

        assertThat(changes.appliesNothing()).isTrue();
        assertThat(changes.needsRestart()).isEmpty();
        assertThat(changes.summary()).isEqualTo("no change");
    }

    @Test
    void terminalsMerchantsAndFrontEndsAreComparedById() throws Exception {
        String next = BASE.replace("terminals: [t1, t2]}", "terminals: [t1, t3]}\n  - {id: cafe, secret: "
                + "changes-cafe-secret, terminals: [t1]}")
                .replace("  - {id: t1, speed: fast}\n  - {id: t2, speed: fast}",
                        "  - {id: t1, speed: 20ms}\n  - {id: t3, speed: fast}")
                .replace("{protocol: concert, port: 9102, terminal: t2",
                        "{protocol: concert, port: 9103, terminal: t1");

        ConfigChanges changes = ConfigChanges.between(load(BASE), load(next));

        assertThat(changes.addedTerminals()).extracting(TerminalSpec::id).containsExactly("t3");
        assertThat(changes.removedTerminals()).containsExactly("t2");
        assertThat(changes.changedTerminals()).extracting(TerminalSpec::id).containsExactly("t1");
        assertThat(changes.addedMerchants()).containsExactly("cafe");
        assertThat(changes.changedMerchants()).containsExactly("shop");
        assertThat(changes.removedFrontEnds()).extracting(FrontEndSpec::port).containsExactly(9102);
        assertThat(changes.addedFrontEnds()).extracting(FrontEndSpec::port).containsExactly(9103);
        assertThat(changes.summary()).isEqualTo("terminals +t3 -t2 ~t1; merchants +cafe ~shop; "
                + "front-ends -concert:9102 (t2) +concert:9103 (t1)");
    }

    @Test
    void aMovedFrontEndIsReboundAndAnIppOneIsRebuiltWhenItsMerchantsNameChanges() throws Exception {
        String next = BASE.replace("port: 9102", "port: 9104").replace("name: Shop", "name: Corner Shop");

        ConfigChanges changes = ConfigChanges.between(load(BASE), load(next));

        assertThat(changes.summary()).isEqualTo("merchants ~shop; front-ends ~ipp:9101 (t1) concert (t2) rebound "
                + "9102->9104");
    }

    @Test
    void nodeLevelKeysAreReportedAsNeedingARestart() throws Exception {
        String next = BASE.replace("gateway: {host: 127.0.0.1}", "gateway: {host: 127.0.0.1, transactionTimeout: 90s, "
                + "timeZone: Europe/Paris}").replace("journal: {url: memory}", "journal: {url: 'jdbc:sqlite:x.db'}")
                + "p3: {tcpPort: 9181}\nadmin: {port: 9182}\nmetrics: {enabled: false}\n";

        ConfigChanges changes = ConfigChanges.between(load(BASE), load(next));

        assertThat(changes.appliesNothing()).isTrue();
        assertThat(changes.needsRestart()).containsExactly("gateway.transactionTimeout", "gateway.timeZone", "journal",
                "p3", "admin", "metrics");
    }

    private GatewaySettings load(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "tillgate", ".yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }
}
