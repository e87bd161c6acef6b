package io.tillgate.transport;

/** The one check of a port number, worded the same wherever a port is configured. */
public final class Ports {

    private Ports() {
    }

    /**
     * @param what the setting, as a user would look for it ({@code "p3.tcpPort"})
     * @throws IllegalArgumentException unless {@code 0} (any free port) to 65535
     */
    public static int require(String what, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be between 0 and 65535, was " + port);
        }
        return port;
    }
}
