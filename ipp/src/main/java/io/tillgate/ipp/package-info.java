/** myPOS IPP: KEY=VALUE codec, Netty framing, the IppTerminal driver with host relay and the IPP front-end. */
package io.tillgate.ipp;
