package io.tillgate.concert.codec;

/** A typed Concert message; both directions start with the protocol version {@code CZ}. */
public sealed interface ConcertMessage permits ConcertRequest, ConcertAnswer {

    /** {@code CZ}, e.g. {@code 0320}. */
    String version();

    /** The message as TLV items, {@code CZ} first, ready for {@link TlvEncoder}. */
    TlvMessage toTlv();
}
