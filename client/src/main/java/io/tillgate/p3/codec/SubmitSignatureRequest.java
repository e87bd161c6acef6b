package io.tillgate.p3.codec;

/**
 * Answers a CUSTOMER_SIGNATURE action with a base64 PNG or with "signed on the receipt" (docs/protocols/p3.md
 * §3.7). {@link #toString()} prints only the signature's length: it is large and personal.
 */
public record SubmitSignatureRequest(String signature, Boolean signatureOnReceipt) implements P3Body {

    public static SubmitSignatureRequest digital(String base64Png) {
        return new SubmitSignatureRequest(base64Png, null);
    }

    public static SubmitSignatureRequest onReceipt() {
        return new SubmitSignatureRequest(null, Boolean.TRUE);
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.SUBMIT_SIGNATURE_REQUEST;
    }

    @Override
    public String toString() {
        return "SubmitSignatureRequest[signature="
                + (signature == null ? "null" : "<" + signature.length() + " chars>")
                + ", signatureOnReceipt=" + signatureOnReceipt + "]";
    }
}
