package io.tillgate.nexo.driver;

/** How much the terminal tells the POS while it works (docs/protocols/nexo.md §4, Login). */
public enum NexoIntegration {
    /** SaleCapabilities {@code PrinterReceipt} only: the terminal posts nothing to the POS. */
    LIGHT,
    /** The terminal posts displays, receipts, the signature check and events to a {@link NexoPosListener}. */
    FULL
}
