package io.tillgate.ipp.codec;

import java.util.Objects;

/**
 * A frame from the caller to the terminal: a method call, a cancel ({@code STAGE=101}) or the reply
 * to a host-relay request ({@code STAGE=4}).
 */
public record IppRequest(IppProperties properties) implements IppMessage {

    public IppRequest {
        Objects.requireNonNull(properties, "properties");
        IppMessage.checkHeader(properties);
        if (properties.has(IppNames.STAGE)) {
            IppStage.fromCode(properties.integer(IppNames.STAGE, -1));
        }
    }

    /** Starts a request in Tillgate's order: METHOD, VERSION, SID (PROTOCOL is implicit). */
    public static IppProperties.Builder start(IppMethod method, int version, String sid) {
        return IppProperties.builder().text(IppNames.METHOD, method.code()).integer(IppNames.VERSION, version)
                .text(IppNames.SID, sid);
    }

    /** The STAGE a cancel or relay reply carries, or {@code null} for a method call. */
    public IppStage stage() {
        return properties.has(IppNames.STAGE) ? IppStage.fromCode(properties.integer(IppNames.STAGE, -1)) : null;
    }

    public boolean isCancel() {
        return stage() == IppStage.CANCEL;
    }
}
