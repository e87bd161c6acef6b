package io.tillgate.ipp.codec;

/**
 * One IPP frame: a {@link IppRequest} from the caller (cash register) to the terminal, or a
 * {@link IppResponse} from the terminal. The direction matters on the wire: the length prefix of
 * DATA counts itself only from the terminal (docs/protocols/ipp.md §9).
 */
public sealed interface IppMessage permits IppRequest, IppResponse {

    /** The version Tillgate speaks by default; the .NET SDK sends 200 and insists on ≥ 200. */
    int DEFAULT_VERSION = 200;

    /** Every property after {@code PROTOCOL=IPP}, in wire order. */
    IppProperties properties();

    /** @throws IppDecodingException (answer STATUS 4) when METHOD is not an IPP method */
    default IppMethod method() {
        return IppMethod.fromCode(methodCode());
    }

    /** METHOD as written, known to this module or not. */
    default String methodCode() {
        return properties().text(IppNames.METHOD);
    }

    default String sid() {
        return properties().text(IppNames.SID);
    }

    default int version() {
        return properties().integer(IppNames.VERSION, DEFAULT_VERSION);
    }

    /** The text of {@code name}, or {@code null}. */
    default String text(String name) {
        return properties().text(name);
    }

    /**
     * Checks what both directions require: a METHOD, a SID and an integer VERSION. An unknown
     * METHOD is well-formed; a terminal answers it with STATUS 4, not as a syntax error. Reads
     * lengths and numbers only, so a message that is checked and relayed makes no strings.
     */
    static void checkHeader(IppProperties properties) {
        if (properties.textLength(IppNames.METHOD) <= 0) {
            throw new IppDecodingException(IppNames.METHOD, "missing", IppStatus.SYNTAX_ERROR);
        }
        int sid = properties.textLength(IppNames.SID);
        if (sid <= 0) {
            throw new IppDecodingException(IppNames.SID, "missing");
        }
        if (sid > 127) {
            throw new IppDecodingException(IppNames.SID, "longer than 127 characters (" + sid + ")");
        }
        if (!properties.has(IppNames.VERSION)) {
            throw new IppDecodingException(IppNames.VERSION, "missing");
        }
        properties.integer(IppNames.VERSION, DEFAULT_VERSION);
    }
}
