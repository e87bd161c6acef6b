package io.tillgate.app.cli;

/**
 * The JSON document of {@code refund --json}, {@code capture --json} and {@code query --json}: the
 * transaction, or the error that kept the command from getting one (then {@code transaction} is
 * {@code null}).
 */
record TransactionDocument(JsonTransaction transaction, JsonError error) {
}
