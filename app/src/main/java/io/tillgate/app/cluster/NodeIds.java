package io.tillgate.app.cluster;

import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.journal.cluster.ClusterSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A node's id: the configured one, or one generated on the first start and kept in a file, so a
 * restarted node is the same node (its history steps and leases keep their name).
 */
public final class NodeIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NodeIds() {
    }

    public static String resolve(GatewaySettings.ClusterSpec spec) {
        if (spec.nodeId() != null) {
            return spec.nodeId();
        }
        Path file = spec.nodeIdFile();
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[4];
                RANDOM.nextBytes(random);
                String generated = "node-" + HexFormat.of().formatHex(random);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.writeString(file, generated + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException raced) {
                    // Another start wrote it first: use that one.
                }
            }
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!ClusterSettings.NODE_ID.matcher(kept).matches()) {
                throw new ConfigException("journal.cluster.nodeIdFile", file + " holds '" + kept
                        + "', which is not a node id (1 to 64 letters, digits, dots, dashes or underscores)");
            }
            return kept;
        } catch (IOException e) {
            throw new ConfigException("journal.cluster.nodeIdFile", "cannot keep the node id in " + file + ": "
                    + e.getMessage() + "; set journal.cluster.nodeId instead");
        }
    }
}
