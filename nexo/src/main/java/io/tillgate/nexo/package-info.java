/**
 * nexo Retailer 3.1 over HTTP (docs/protocols/nexo.md), both ends: {@link io.tillgate.nexo.codec} (XML
 * documents as records), {@link io.tillgate.nexo.netty} (HTTP framing and answers),
 * {@link io.tillgate.nexo.driver} (Tillgate as the POS of a real terminal) and
 * {@link io.tillgate.nexo.frontend} (Tillgate as the terminal).
 */
package io.tillgate.nexo;
