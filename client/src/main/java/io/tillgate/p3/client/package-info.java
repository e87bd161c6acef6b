/**
 * PayClient: the POS side of P3 as a Java library, over WebSocket ({@code ws://host:port/p3}) or
 * framed TCP ({@code tcp://host:port}).
 *
 * <p>{@link io.tillgate.p3.client.PayClient} is asynchronous (every call returns a
 * {@link java.util.concurrent.CompletableFuture}), routes the updates, actions and responses of
 * interleaved operations by their {@code tag}, and never loses a payment result: when the
 * connection drops while a charge or refund runs, it reconnects, logs in again and asks a Tillgate
 * server for the outcome with {@code QUERY_TRANSACTION} (docs/protocols/p3.md §6 "Recovery after disconnect").
 */
package io.tillgate.p3.client;
