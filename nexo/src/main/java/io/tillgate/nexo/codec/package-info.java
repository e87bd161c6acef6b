/**
 * nexo SaleToPOIRequest / SaleToPOIResponse documents as immutable records and their XML codec.
 *
 * <p>Pure bytes ⇄ records: no I/O, no Netty. {@link io.tillgate.nexo.codec.NexoCodec} maps with
 * Jackson XML, writes every element in XSD order (docs/protocols/nexo.md §3) and reads leniently (any order,
 * unknown elements and attributes ignored), hardened against DTDs, entities and oversize bodies.
 * Bodies form the sealed families {@link io.tillgate.nexo.codec.NexoRequestBody} and
 * {@link io.tillgate.nexo.codec.NexoResponseBody}; codes are enums with {@code fromCode}; amounts
 * convert to {@code Money} through {@link io.tillgate.nexo.codec.NexoAmounts}; receipts (base64
 * JSON, §5.2) through {@link io.tillgate.nexo.codec.NexoReceipt}.
 */
package io.tillgate.nexo.codec;
