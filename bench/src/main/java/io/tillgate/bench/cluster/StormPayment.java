package io.tillgate.bench.cluster;

/**
 * One payment of the storm and what its POS learnt of it.
 *
 * @param identifier the transaction identifier of the answer, null without one
 * @param status the P3 status of the answer, null when the POS never got one
 * @param via how the answer came: {@code answer} (the charge's own response, after any recovery
 *     the client did by itself), {@code query} (asked by tag after the client gave up on it), or
 *     {@code none}
 * @param attempts how often the charge was sent, with the same tag
 * @param problem why there is no answer, when there is none
 */
record StormPayment(String customIdentifier, String tag, String terminal, long amountMinor, String identifier,
                    String status, String via, int attempts, boolean recovered, String problem) {

    boolean answered() {
        return status != null;
    }
}
