package io.tillgate.p3.netty;

import io.netty.handler.codec.TooLongFrameException;

/**
 * A TCP frame announced more payload than the configured maximum. The stream cannot be
 * resynchronised without reading the body, which is exactly what must not happen, so the only
 * answer is to close the connection (project decision, docs/protocols/p3.md §1.3).
 */
public final class P3FrameTooLongException extends TooLongFrameException {

    private static final long serialVersionUID = 1L;

    private final long announcedLength;
    private final int maxFrameLength;

    public P3FrameTooLongException(long announcedLength, int maxFrameLength) {
        super("P3 frame announces " + announcedLength + " payload bytes, more than the maximum of "
                + maxFrameLength);
        this.announcedLength = announcedLength;
        this.maxFrameLength = maxFrameLength;
    }

    /** The unsigned 32-bit length from the prefix. */
    public long announcedLength() {
        return announcedLength;
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }
}
