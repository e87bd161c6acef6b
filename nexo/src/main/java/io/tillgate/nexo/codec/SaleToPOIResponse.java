package io.tillgate.nexo.codec;

import java.util.Objects;

/**
 * A response document: its header and exactly one body.
 *
 * @param header the MessageHeader, echoing the request's
 * @param body the body named by the header's MessageCategory
 */
public record SaleToPOIResponse(MessageHeader header, NexoResponseBody body) {

    public SaleToPOIResponse {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }

    /** The body as the type the caller expects. */
    public <T extends NexoResponseBody> T body(Class<T> type) {
        return type.cast(body);
    }
}
