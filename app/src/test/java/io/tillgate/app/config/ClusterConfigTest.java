package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.app.cluster.NodeIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code journal.cluster}: only on PostgreSQL, checked keys, and a generated node id that is kept. */
class ClusterConfigTest {

    private static final String REST = """
            merchants: [{id: shop, secret: long-enough-secret}]
            terminals: [{id: t1}]
            """;

    @TempDir
    Path dir;

    @Test
    void aClusterNodeTakesDefaultsAndKeepsItsGeneratedId() throws IOException {
        Path idFile = dir.resolve("state/node-id");
        GatewaySettings settings = load("journal:\n  url: jdbc:postgresql://db:5432/tillgate\n  cluster: {nodeIdFile: "
                + idFile + "}\n" + REST);
        GatewaySettings.ClusterSpec cluster = settings.journal().cluster();
        assertThat(cluster.leaseTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(cluster.nodeId()).isNull();
        assertThat(cluster.address()).isNull();

        String generated = NodeIds.resolve(cluster);
        assertThat(generated).matches("node-[0-9a-f]{8}");
        assertThat(Files.readString(idFile).strip()).isEqualTo(generated);
        assertThat(NodeIds.resolve(cluster)).as("the same id on the next start").isEqualTo(generated);
    }

    @Test
    void aConfiguredIdAndLeaseTimeAreTaken() throws IOException {
        GatewaySettings settings = load("journal:\n  url: jdbc:postgresql://db:5432/tillgate\n"
                + "  cluster: {nodeId: store-gw-1, leaseTime: 4s, address: '10.0.0.1:8080'}\n" + REST);
        assertThat(NodeIds.resolve(settings.journal().cluster())).isEqualTo("store-gw-1");
        assertThat(settings.journal().cluster().leaseTime()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.journal().cluster().address()).isEqualTo("10.0.0.1:8080");
    }

    @Test
    void theClusterSecretIsTakenFromAFileAndNeverShown() throws IOException {
        Path secretFile = dir.resolve("cluster-secret");
        Files.writeString(secretFile, "a-cluster-secret-of-some-length\n");
        GatewaySettings settings = load("journal:\n  url: jdbc:postgresql://db:5432/tillgate\n"
                + "  cluster: {nodeId: a, secret: '${file:" + secretFile + "}'}\n" + REST);
        assertThat(settings.journal().cluster().secret().matches("a-cluster-secret-of-some-length")).isTrue();
        assertThat(settings.journal().cluster().secret().matches("a-cluster-secret-of-some-lengtH")).isFalse();
        assertThat(settings.journal().cluster().toString()).doesNotContain("a-cluster-secret");
        assertThat(load("journal:\n  url: jdbc:postgresql://db/t\n  cluster: {nodeId: a}\n" + REST).journal()
                .cluster().secret()).as("no secret: nothing is forwarded").isNull();
    }

    @Test
    void aShortClusterSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> load("journal:\n  url: jdbc:postgresql://db/t\n  cluster: {secret: short-one}\n"
                + REST)).isInstanceOf(ConfigException.class).hasMessageContaining("'journal.cluster.secret'")
                .hasMessageContaining("at least 16 characters").hasMessageNotContaining("short-one");
    }

    @Test
    void aClientCertificateNeedsItsKey() {
        assertThatThrownBy(() -> load("journal:\n  url: jdbc:postgresql://db/t\n  cluster: {clientCertificate: "
                + dir.resolve("node.pem") + "}\n" + REST)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'journal.cluster.clientKey'").hasMessageContaining("is required");
    }

    @Test
    void aSqliteJournalCannotBeShared() {
        assertThatThrownBy(() -> load("journal:\n  url: jdbc:sqlite:data/journal.db\n  cluster: {nodeId: a}\n" + REST))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'journal.cluster'")
                .hasMessageContaining("needs a PostgreSQL journal");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> load("journal:\n  url: jdbc:postgresql://db/t\n  cluster: {nodeId: 'a b'}\n" + REST))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'journal.cluster.nodeId'");
        assertThatThrownBy(() -> load("journal:\n  url: jdbc:postgresql://db/t\n  cluster: {leaseTime: 100ms}\n"
                + REST)).isInstanceOf(ConfigException.class).hasMessageContaining("'journal.cluster.leaseTime'");
        assertThatThrownBy(() -> load("journal:\n  url: jdbc:postgresql://db/t\n  cluster: {leaseTme: 2s}\n" + REST))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'journal.cluster.leaseTme'");
    }

    private GatewaySettings load(String yaml) throws IOException {
        Path file = dir.resolve("tillgate.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }
}
