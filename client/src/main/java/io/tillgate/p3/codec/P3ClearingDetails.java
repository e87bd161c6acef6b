package io.tillgate.p3.codec;

/** The acquirer's references for a processed transaction (SDK naming, unconfirmed for P3). */
public record P3ClearingDetails(String authorizationCode, String transactionIdentifier) {
}
