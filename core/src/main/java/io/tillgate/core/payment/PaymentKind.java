package io.tillgate.core.payment;

/** What a {@link PaymentCommand} asks the terminal or its host to do. */
public enum PaymentKind {
    SALE,
    REFUND,
    /** Cancels an earlier transaction before settlement. */
    REVERSAL,
    /** Reserves an amount to be captured later. */
    PREAUTH,
    /** Completes an earlier {@link #PREAUTH}. */
    CAPTURE;

    /** Whether the command refers to an earlier transaction. */
    public boolean needsOriginal() {
        return this == REFUND || this == REVERSAL || this == CAPTURE;
    }
}
