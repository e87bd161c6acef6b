package io.tillgate.concert.driver;

/** A Concert terminal could not be reached or did not answer as the protocol says. */
public final class ConcertTerminalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcertTerminalException(String message) {
        super(message);
    }
}
