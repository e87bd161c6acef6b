package io.tillgate.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The terminal protocols the gateway drives and emulates, with their default terminal ports. */
public enum Protocol {
    CONCERT(8888),
    IPP(7900),
    NEXO(11000);

    private final int defaultPort;

    Protocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port a terminal of this protocol listens on unless configured otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The name used in the configuration and on the command line. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration name; the message lists what is supported. */
    public static Protocol fromConfigName(String name) {
        for (Protocol protocol : values()) {
            if (protocol.configName().equals(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "' (supported: " + names() + ")");
    }

    public static String names() {
        return Arrays.stream(values()).map(Protocol::configName).collect(Collectors.joining(", "));
    }
}
