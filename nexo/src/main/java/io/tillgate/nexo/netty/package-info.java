/**
 * The Netty side of nexo over HTTP: the server pipeline both the terminal front-end and the POS
 * listener use ({@link io.tillgate.nexo.netty.NexoServerPipeline}), the gate that refuses malformed
 * HTTP and lets nothing through after a connection's last answer, the request decoder that answers
 * requests that are not nexo requests itself, and the answer encoder (200 document, 204, or an HTTP
 * error).
 */
package io.tillgate.nexo.netty;
