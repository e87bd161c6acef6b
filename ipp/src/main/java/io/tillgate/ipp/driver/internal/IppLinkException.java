package io.tillgate.ipp.driver.internal;

/**
 * The terminal link failed: unreachable, closed, silent past its TIMEOUT, or unreadable.
 * {@link #afterSend()} says whether a request may have reached the terminal, so the outcome has
 * to be asked for rather than assumed.
 */
public final class IppLinkException extends RuntimeException {

    private final boolean afterSend;

    public IppLinkException(String message, boolean afterSend) {
        super(message, null, false, false);
        this.afterSend = afterSend;
    }

    public boolean afterSend() {
        return afterSend;
    }
}
