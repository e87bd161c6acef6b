package io.tillgate.p3.codec;

/** One structured receipt entry: {@code {"key":"SUBJECT","label":"Description","value":"…"}}. */
public record P3ReceiptItem(String key, String label, String value) {
}
