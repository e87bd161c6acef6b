package io.tillgate.nexo.netty;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import java.util.Objects;

/** What a nexo HTTP server sends back for one request; written through {@link NexoAnswerEncoder}. */
public sealed interface NexoHttpAnswer {

    boolean keepAlive();

    /** HTTP 200 with a SaleToPOIResponse document. */
    record Document(SaleToPOIResponse response, boolean keepAlive) implements NexoHttpAnswer {
        public Document {
            Objects.requireNonNull(response, "response");
        }
    }

    /** HTTP 204: AbortRequest, and the POS listener's answer to Display, Print and Event. */
    record NoContent(boolean keepAlive) implements NexoHttpAnswer {
    }

    /** An HTTP error status with a short plain-text reason (never the refused document). */
    record Refusal(HttpResponseStatus status, String reason, boolean keepAlive) implements NexoHttpAnswer {
        public Refusal {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
