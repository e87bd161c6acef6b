/**
 * Tillgate as the POS of a nexo terminal: {@link io.tillgate.nexo.driver.NexoTerminal} (a
 * {@code Terminal} driver) and, for full integration, the {@link io.tillgate.nexo.driver.NexoPosListener}
 * the terminal posts its displays, prints, signature checks and events to.
 */
package io.tillgate.nexo.driver;
