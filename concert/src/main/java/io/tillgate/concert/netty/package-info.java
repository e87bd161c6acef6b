/** Netty adapter for Concert: the end-of-message framer and the TLV message codec. */
package io.tillgate.concert.netty;
