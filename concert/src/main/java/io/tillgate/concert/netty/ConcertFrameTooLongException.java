package io.tillgate.concert.netty;

import io.netty.handler.codec.TooLongFrameException;

/** A Concert message grew beyond the configured maximum before it was complete. */
public final class ConcertFrameTooLongException extends TooLongFrameException {

    private static final long serialVersionUID = 1L;

    public ConcertFrameTooLongException(int received, int maxFrameLength) {
        super("Concert message exceeds " + maxFrameLength + " bytes (" + received + " received)");
    }
}
