package io.tillgate.core.terminal;

/**
 * What a terminal's protocol lets Tillgate do.
 *
 * @param abort the POS can abort a running transaction
 * @param recovery the outcome of an earlier transaction can be queried after a loss
 * @param signature the terminal can ask for a customer signature
 * @param refund linked refunds are supported
 * @param reversal reversals (voids) are supported
 */
public record TerminalCapabilities(boolean abort, boolean recovery, boolean signature, boolean refund,
        boolean reversal) {

    public static TerminalCapabilities all() {
        return new TerminalCapabilities(true, true, true, true, true);
    }
}
