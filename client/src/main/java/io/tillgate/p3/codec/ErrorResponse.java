package io.tillgate.p3.codec;

/**
 * The body type of {@link P3MessageType#ERROR_RESPONSE}, which never carries one: that message only
 * ever has status ERROR. It exists so the message catalogue stays one body class per type.
 */
public record ErrorResponse() implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.ERROR_RESPONSE;
    }
}
