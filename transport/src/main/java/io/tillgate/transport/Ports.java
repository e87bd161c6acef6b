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
            throw new IllegalArgumentException(what + " must be between 0 and 65535 (0 for any free port), was "
                    + port);
        }
        return port;
    }

    /**
     * A port to connect to: 1 to 65535, since there is no "any port" on the other side.
     *
     * @throws IllegalArgumentException naming {@code what} otherwise
     */
    public static int requireRemote(String what, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, was " + port);
        }
        return port;
    }
}
