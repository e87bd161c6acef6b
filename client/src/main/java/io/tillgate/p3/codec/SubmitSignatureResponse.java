package io.tillgate.p3.codec;

/** Acknowledges a signature; empty, and substituted when a server omits it on an OK response. */
public record SubmitSignatureResponse() implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.SUBMIT_SIGNATURE_RESPONSE;
    }
}
