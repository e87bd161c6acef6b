/**
 * Concert / Caisse-AP V3 messages as pure bytes ⇄ immutable records, no I/O: the TLV layer
 * ({@link io.tillgate.concert.codec.TlvDecoder}, {@link io.tillgate.concert.codec.TlvEncoder},
 * {@link io.tillgate.concert.codec.TlvMessage}), the tag dictionary
 * ({@link io.tillgate.concert.codec.ConcertTag}), the codes, and the typed
 * {@link io.tillgate.concert.codec.ConcertRequest} and {@link io.tillgate.concert.codec.ConcertAnswer}.
 */
package io.tillgate.concert.codec;
