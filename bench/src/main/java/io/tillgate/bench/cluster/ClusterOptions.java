package io.tillgate.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every cluster benchmark is told: where the app jar and PostgreSQL are, how the nodes run. */
final class ClusterOptions {

    static final List<String> NODES = List.of("n1", "n2", "n3");

    @Option(names = "--app-jar", paramLabel = "JAR", defaultValue = "app/target/tillgate.jar",
            description = "The shaded gateway jar the nodes run, built by './mvnw -q -o package -DskipTests' "
                    + "(default: ${DEFAULT-VALUE}).")
    Path appJar;

    @Option(names = "--postgres", paramLabel = "JDBC_URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
            description = "The PostgreSQL server, up to the slash before the database name; a database of the run's "
                    + "own is created on it (through its 'test' database) and dropped at the end "
                    + "(default: ${DEFAULT-VALUE}).")
    String postgres;

    @Option(names = "--postgres-user", paramLabel = "USER", defaultValue = "postgres",
            description = "PostgreSQL user, trust authentication (default: ${DEFAULT-VALUE}).")
    String postgresUser;

    @Option(names = "--node-java-options", paramLabel = "OPTIONS",
            defaultValue = "-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1",
            description = "JVM options of the nodes and the emulators (default: ${DEFAULT-VALUE}: quick starts on a "
                    + "small machine).")
    String javaOptions;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the configurations and logs of the run go (default: target/<tool>-<time>).")
    Path workDir;

    Path workDir(String tool) throws IOException {
        Path dir = workDir != null ? workDir : Path.of("target", tool + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        return Files.createDirectories(dir);
    }

    ClusterRig.Settings settings(String logLevel, Duration lease, String simulatedSpeed, String emulatedSpeed) {
        if (!Files.isRegularFile(appJar)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "no app jar at " + appJar
                    + ": build it with ./mvnw -q -o package -DskipTests -Djacoco.skip");
        }
        return new ClusterRig.Settings(appJar, javaOptions, logLevel, lease, simulatedSpeed, emulatedSpeed,
                Duration.ofSeconds(120));
    }

    /** The load average, as {@code uptime} prints it. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + fields[0] + ", " + fields[1] + ", " + fields[2] + " ("
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    /** Parses 2s, 500ms, 1m. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 2s, 500ms, 1m");
        }
    }
}
