package io.tillgate.nexo.codec;

import java.util.Optional;

/**
 * A document Tillgate could not accept. Names the element (and attribute) at fault and a clipped
 * value, never the raw document. When the MessageHeader could still be read it is kept, so the
 * receiver can answer with the protocol's own {@code Failure}/{@code MessageFormat} response.
 */
public final class NexoDecodingException extends RuntimeException {

    /** Why the document was refused; each maps to its own answer (docs/protocols/nexo.md §11). */
    public enum Kind {
        /** Larger than the configured maximum; refused before parsing. */
        TOO_LARGE,
        /** Not well-formed XML, or a DTD / entity reference: HTTP 400. */
        NOT_WELL_FORMED,
        /** Well-formed, but an element or attribute is missing or wrong: Failure/MessageFormat. */
        INVALID
    }

    private final Kind kind;
    private final String element;
    private final transient MessageHeader header;

    private NexoDecodingException(Kind kind, String element, String message, MessageHeader header, Throwable cause) {
        super(element.isEmpty() ? message : element + ": " + message, cause, false, false);
        this.kind = kind;
        this.element = element;
        this.header = header;
    }

    public static NexoDecodingException tooLarge(int size, int max) {
        return new NexoDecodingException(Kind.TOO_LARGE, "", "document of " + size
                + " bytes exceeds the maximum of " + max + " bytes", null, null);
    }

    public static NexoDecodingException notWellFormed(String reason, Throwable cause) {
        return new NexoDecodingException(Kind.NOT_WELL_FORMED, "", "not well-formed XML: " + reason, null, cause);
    }

    public static NexoDecodingException invalid(String element, String message) {
        return new NexoDecodingException(Kind.INVALID, element, message, null, null);
    }

    public static NexoDecodingException missing(String element) {
        return invalid(element, "required but missing");
    }

    /** The same failure, now knowing the header of the document it was found in. */
    public NexoDecodingException withHeader(MessageHeader messageHeader) {
        return new NexoDecodingException(kind, element, reason(), messageHeader, getCause());
    }

    public Kind kind() {
        return kind;
    }

    /** The element path at fault ({@code PaymentRequest/PaymentTransaction/AmountsReq@Currency}), or empty. */
    public String element() {
        return element;
    }

    /** The header of the refused document, when it could be read. */
    public Optional<MessageHeader> header() {
        return Optional.ofNullable(header);
    }

    private String reason() {
        String message = getMessage();
        return element.isEmpty() ? message : message.substring(element.length() + 2);
    }
}
