package io.tillgate.concert.codec;

/**
 * Writes one Concert message strictly, so that Tillgate never emits what a peer could misread:
 * {@code CZ} first, each tag at most once except {@code ZT}, types of two letters A-Z, values of 1
 * to 999 characters in 0x20..0x7E, known tags within their rule, constructed items one level deep.
 * The result is one array for one write.
 */
public final class TlvEncoder {

    private TlvEncoder() {
    }

    /**
     * @throws IllegalArgumentException naming the tag and the rule it breaks
     */
    public static byte[] encode(TlvMessage message) {
        TlvWriter writer = new TlvWriter(message.encodedLength());
        for (TlvItem item : message.items()) {
            writer.item(item);
        }
        return writer.finish();
    }

    /** Writes a typed message; an answer goes straight to bytes without building items first. */
    public static byte[] encode(ConcertMessage message) {
        return message instanceof ConcertAnswer answer ? answer.encode() : encode(message.toTlv());
    }
}
