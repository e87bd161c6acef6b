package io.tillgate.p3.netty;

import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3Message;
import java.util.Objects;
import java.util.Optional;

/**
 * Inbound in place of a {@link P3Message} when a frame did not decode. Passed down the pipeline as
 * a message, not an exception, because a malformed message is the peer's mistake: the server
 * answers it with an ERROR and keeps the connection (docs/protocols/p3.md §11); only framing errors close it.
 */
public record P3DecodeFailure(P3DecodingException cause) {

    public P3DecodeFailure {
        Objects.requireNonNull(cause, "cause");
    }

    /** The ERROR response echoing the readable type, tag and resource; empty if the type was not a known request. */
    public Optional<P3Message> errorResponse() {
        return cause.errorResponse();
    }
}
