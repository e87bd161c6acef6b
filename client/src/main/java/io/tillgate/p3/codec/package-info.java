/**
 * P3 (PayProtocol) messages as immutable records and their JSON codec.
 *
 * <p>Pure bytes ⇄ records: no I/O, no Netty. {@link io.tillgate.p3.codec.P3Codec} reads leniently
 * (any key order, unknown fields ignored, root resource in four spellings, amounts as strings) and
 * writes strictly (fixed key order, upper-case status, body key = lowerCamelCase type, nulls
 * omitted), as {@code docs/protocols/p3.md} §11 asks of both Tillgate ends.
 */
package io.tillgate.p3.codec;
