package io.tillgate.p3.client;

import java.util.Locale;

/**
 * What a paused transaction waits for (EXECUTE_TRANSACTION_ACTION, docs/protocols/p3.md §3.4). Tillgate
 * sends only {@link #CUSTOMER_SIGNATURE}; the others are the SDK's names, which other servers may
 * send. The raw value is kept in {@link ActionRequest#rawAction()}.
 */
public enum TransactionAction {
    /** The customer must sign: {@link ActionRequest#submitSignature}, {@link ActionRequest#signOnReceipt} or abort. */
    CUSTOMER_SIGNATURE,
    CUSTOMER_IDENTIFICATION,
    APPLICATION_SELECTION,
    CREDIT_DEBIT_SELECTION,
    /** An action this client does not know: abort, or answer it some other way. */
    UNRECOGNISED;

    /** The action of a wire value, ignoring case; {@code SIGNATURE} is read as {@link #CUSTOMER_SIGNATURE}. */
    public static TransactionAction of(String action) {
        if (action == null) {
            return UNRECOGNISED;
        }
        String name = action.toUpperCase(Locale.ROOT);
        if (name.equals("SIGNATURE")) {
            return CUSTOMER_SIGNATURE;
        }
        for (TransactionAction value : values()) {
            if (value != UNRECOGNISED && value.name().equals(name)) {
                return value;
            }
        }
        return UNRECOGNISED;
    }
}
