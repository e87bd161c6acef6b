/**
 * Tillgate as a nexo terminal: {@link io.tillgate.nexo.frontend.NexoFrontEnd} serves
 * {@code POST /EPASSaleToPOI/3.1} and runs the requests through {@code PaymentService}. In front of
 * a {@code SimulatedTerminal} it is the nexo terminal emulator.
 */
package io.tillgate.nexo.frontend;
