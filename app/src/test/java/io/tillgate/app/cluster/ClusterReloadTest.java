package io.tillgate.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.app.Gateway;
import io.tillgate.app.Reload;
import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.core.terminal.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster node leases the terminals it started with, so a reload may change their settings but not
 * which terminals there are (docs/cluster.md): such a reload is refused as a broken file is.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterReloadTest {

    @TempDir
    Path dir;

    private String user;
    private String database;
    private Path file;
    private Gateway gateway;

    @BeforeEach
    void createDatabase() throws SQLException {
        user = ClusterProcessTest.postgresUserOrSkip();
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        database = "tillgate_reload_" + HexFormat.of().formatHex(random);
        execute("CREATE DATABASE " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (gateway != null) {
            gateway.close();
        }
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void aReloadThatAddsOrRemovesTerminalsIsRefusedAndOneThatKeepsThemIsApplied() throws Exception {
        file = dir.resolve("node.yaml");
        Files.writeString(file, config("Shop", "t1", "t2"));
        gateway = Gateway.start(ConfigLoader.load(file));

        Files.writeString(file, config("Shop", "t1", "t2", "t3"));
        assertThatThrownBy(() -> gateway.reloadFrom(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config key 'terminals': a cluster node cannot add or remove terminals by "
                        + "a reload (added: [t3], removed: [])");
        Files.writeString(file, config("Shop", "t1"));
        assertThatThrownBy(() -> gateway.reloadFrom(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("(added: [], removed: [t2])");
        assertThat(gateway.configurationGeneration()).isEqualTo(1);
        assertThat(gateway.terminals()).extracting(Terminal::id).containsExactly("t1", "t2");

        Files.writeString(file, config("Shop renamed", "t1", "t2"));
        Reload applied = gateway.reloadFrom(file);
        assertThat(applied.generation()).isEqualTo(2);
        assertThat(applied.changes().summary()).isEqualTo("merchants ~shop");
    }

    private String config(String merchantName, String... terminals) {
        StringBuilder yaml = new StringBuilder("""
                gateway: {host: 127.0.0.1}
                journal:
                  url: %s
                  user: %s
                  cluster: {nodeId: reload-node, nodeIdFile: %s, leaseTime: 2s}
                p3: {websocketPort: 0, tcpPort: 0}
                merchants:
                  - {id: shop, name: %s, secret: cluster-reload-secret, terminals: [%s]}
                terminals:
                """.formatted(ClusterProcessTest.SERVER + database, user, dir.resolve("node-id"),
                merchantName, String.join(", ", terminals)));
        for (String terminal : terminals) {
            yaml.append("  - {id: ").append(terminal).append(", speed: fast}\n");
        }
        return yaml.toString();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ClusterProcessTest.SERVER + "test", user, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
