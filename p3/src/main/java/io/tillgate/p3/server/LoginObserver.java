package io.tillgate.p3.server;

/**
 * Told of the P3 server's failed logins and lock-outs, for metrics: counts only, never who or with
 * what. Called on an event loop while the login throttle decides, so an implementation must return
 * at once and never block.
 */
public interface LoginObserver {

    /** Observes nothing. */
    LoginObserver NONE = new LoginObserver() {
        @Override
        public void failed() {
        }

        @Override
        public void lockedOut() {
        }
    };

    /** A merchant identifier and secret were checked and were wrong. */
    void failed();

    /** That failure locked its source address and merchant identifier out. */
    void lockedOut();
}
