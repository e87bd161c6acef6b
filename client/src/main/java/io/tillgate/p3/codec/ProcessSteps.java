package io.tillgate.p3.codec;

/** The optional steps: the shopper adds a tip, or keys the total amount. */
public record ProcessSteps(ProcessStep askForTip, ProcessStep askForTotalAmount) {
}
