/** Netty framing for IPP: the length-header frame decoder and the message codec of each side. */
package io.tillgate.ipp.netty;
