/**
 * Tillgate as the cash register of a myPOS terminal: {@link io.tillgate.ipp.driver.IppTerminal}, the
 * {@code Terminal} driver, with its settings in {@link io.tillgate.ipp.driver.IppTerminalConfig}.
 */
package io.tillgate.ipp.driver;
