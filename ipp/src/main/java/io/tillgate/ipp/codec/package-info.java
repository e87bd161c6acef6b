/**
 * myPOS IPP frames ⇄ immutable messages (docs/protocols/ipp.md §1–§11): pure bytes, no I/O. {@link
 * io.tillgate.ipp.codec.IppCodec} reads and writes whole frames, {@link io.tillgate.ipp.codec.IppRequest}
 * and {@link io.tillgate.ipp.codec.IppResponse} are the two directions, the enums hold the protocol's
 * codes, and every malformed frame raises {@link io.tillgate.ipp.codec.IppDecodingException}.
 */
package io.tillgate.ipp.codec;
