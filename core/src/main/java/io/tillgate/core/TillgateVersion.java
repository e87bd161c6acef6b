package io.tillgate.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven built (the POM's), as {@code tillgate --version} and the admin API report it. */
public final class TillgateVersion {

    private static final String VERSION = read();

    private TillgateVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = TillgateVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            // An IDE that copies the resource without Maven's filtering leaves the placeholder.
            return version.isEmpty() || version.startsWith("$") ? "development" : version;
        } catch (IOException e) {
            return "development";
        }
    }
}
