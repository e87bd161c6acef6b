/**
 * nexo SaleToPOIRequest / SaleToPOIResponse documents as immutable records and their XML codec.
 *
 * <p>Pure bytes ⇄ records: no I/O, no Netty. {@link io.tillgate.nexo.codec.NexoCodec} maps straight
 * from and to Aalto's StAX reader and writer through one table per element (the {@code XmlShape}s of
 * {@code NexoShapes}), writes every element in XSD order (docs/protocols/nexo.md §3) and reads leniently
 * (any order, unknown elements and attributes ignored), hardened against DTDs, entities, deep nesting
 * and oversize bodies. The records' Jackson XML annotations describe the same mapping for the Jackson
 * codec the differential test compares it with (NexoCodecDifferentialTest).
 * Bodies form the sealed families {@link io.tillgate.nexo.codec.NexoRequestBody} and
 * {@link io.tillgate.nexo.codec.NexoResponseBody}; codes are enums with {@code fromCode}; amounts
 * convert to {@code Money} through {@link io.tillgate.nexo.codec.NexoAmounts}; receipts (base64
 * JSON, §5.2) through {@link io.tillgate.nexo.codec.NexoReceipt}.
 */
package io.tillgate.nexo.codec;
