/**
 * Netty adapters for P3, shared by the PayServer front-end and the PayClient so both ends build
 * identical pipelines: the TCP length-prefix framer, the frame ⇄ {@link io.tillgate.p3.codec.P3Message}
 * codecs for TCP and WebSocket, and {@link io.tillgate.p3.netty.P3Pipelines} to wire them.
 *
 * <p>Inbound, the codecs emit either a {@link io.tillgate.p3.codec.P3Message} or a
 * {@link io.tillgate.p3.netty.P3DecodeFailure} (a malformed message: answer with an ERROR and keep
 * the connection). A {@link io.tillgate.p3.netty.P3FrameTooLongException} arrives through
 * {@code exceptionCaught}: close the connection.
 */
package io.tillgate.p3.netty;
