package io.tillgate.nexo.netty;

import io.tillgate.nexo.codec.SaleToPOIRequest;
import java.util.Objects;

/**
 * A valid request that arrived over HTTP.
 *
 * @param message the decoded document
 * @param keepAlive whether the connection stays open after the answer
 */
public record NexoInboundRequest(SaleToPOIRequest message, boolean keepAlive) {

    public NexoInboundRequest {
        Objects.requireNonNull(message, "message");
    }
}
