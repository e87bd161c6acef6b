package io.tillgate.ipp.codec;

import java.util.Objects;

/** A frame from the terminal: one stage of the answer to a request, with its STATUS. */
public record IppResponse(IppProperties properties) implements IppMessage {

    public IppResponse {
        Objects.requireNonNull(properties, "properties");
        IppMessage.checkHeader(properties);
        if (!properties.has(IppNames.STAGE)) {
            throw new IppDecodingException(IppNames.STAGE, "missing");
        }
        IppStage.fromCode(properties.integer(IppNames.STAGE, -1));
        if (!properties.has(IppNames.STATUS)) {
            throw new IppDecodingException(IppNames.STATUS, "missing");
        }
        IppStatus.fromCode(properties.integer(IppNames.STATUS, -1));
    }

    /** Starts a response in Tillgate's order: METHOD, VERSION, SID, STAGE, STATUS. */
    public static IppProperties.Builder start(IppMethod method, int version, String sid, IppStage stage,
            IppStatus status) {
        return start(method.code(), version, sid, stage, status);
    }

    /** As {@link #start(IppMethod, int, String, IppStage, IppStatus)}, echoing a METHOD as written. */
    public static IppProperties.Builder start(String method, int version, String sid, IppStage stage,
            IppStatus status) {
        return IppProperties.builder().text(IppNames.METHOD, method).integer(IppNames.VERSION, version)
                .text(IppNames.SID, sid).integer(IppNames.STAGE, stage.code()).integer(IppNames.STATUS,
                        status.code());
    }

    public IppStage stage() {
        return IppStage.fromCode(properties.integer(IppNames.STAGE, -1));
    }

    public IppStatus status() {
        return IppStatus.fromCode(properties.integer(IppNames.STATUS, -1));
    }

    /** The seconds the terminal asks the caller to wait for its next message; ≤ 0 when absent. */
    public int timeoutSeconds() {
        String timeout = properties.text(IppNames.TIMEOUT);
        if (timeout == null) {
            return 0;
        }
        try {
            return IppProperties.parseInt(IppNames.TIMEOUT, timeout);
        } catch (IppDecodingException e) {
            return 0;
        }
    }
}
