package io.tillgate.ipp.netty;

import io.tillgate.ipp.codec.IppDecodingException;
import java.util.Objects;

/**
 * A whole frame that did not decode, passed down the pipeline in place of a message so the handler
 * can answer with STATUS 2, 3 or 4 and keep the connection.
 *
 * @param cause what was wrong
 * @param method the METHOD text if the frame had a readable one, else {@code null}
 * @param sid the SID if the frame had a readable one, else {@code null}
 */
public record IppDecodeFailure(IppDecodingException cause, String method, String sid) {

    public IppDecodeFailure {
        Objects.requireNonNull(cause, "cause");
    }
}
