package io.tillgate.tls;

/**
 * What a TLS failure says to an operator. TLS providers wrap the reason (an untrusted certificate,
 * an unsupported protocol) in generic exceptions ("General OpenSslEngine problem"); the innermost
 * cause is the one worth printing.
 */
public final class TlsFailure {

    private TlsFailure() {
    }

    /** The message of the innermost cause, or its class name when it has none. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
