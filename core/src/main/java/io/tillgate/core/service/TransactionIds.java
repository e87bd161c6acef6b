package io.tillgate.core.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Gateway transaction ids: 32 lowercase hex characters of randomness, like a UUID without dashes. */
final class TransactionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TransactionIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
