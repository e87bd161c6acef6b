/**
 * The Netty side of nexo over HTTP: the server pipeline both the terminal front-end and the POS
 * listener use ({@link io.tillgate.nexo.netty.NexoServerPipeline}), the request decoder that
 * answers malformed requests itself, and the answer encoder (200 document, 204, or an HTTP error).
 */
package io.tillgate.nexo.netty;
