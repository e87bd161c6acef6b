package io.tillgate.ipp.driver.internal;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SIDs the driver sends. A transaction's SID is its gateway id in UUID form, so recovery after a
 * crash can ask GET_STATUS for it from the journal alone; every other request gets a fresh UUID.
 */
public final class Sids {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    private Sids() {
    }

    public static String of(String transactionId) {
        if (HEX32.matcher(transactionId).matches()) {
            return transactionId.substring(0, 8) + '-' + transactionId.substring(8, 12) + '-'
                    + transactionId.substring(12, 16) + '-' + transactionId.substring(16, 20) + '-'
                    + transactionId.substring(20);
        }
        // Not a gateway id (tests, imports): still stable for the same transaction.
        return UUID.nameUUIDFromBytes(transactionId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}
