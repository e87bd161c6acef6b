package io.tillgate.nexo.codec;

import java.util.Objects;

/**
 * A request document: its header and exactly one body.
 *
 * @param header the MessageHeader
 * @param body the body named by the header's MessageCategory
 */
public record SaleToPOIRequest(MessageHeader header, NexoRequestBody body) {

    public SaleToPOIRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }

    /** The body as the type the caller expects. */
    public <T extends NexoRequestBody> T body(Class<T> type) {
        return type.cast(body);
    }
}
