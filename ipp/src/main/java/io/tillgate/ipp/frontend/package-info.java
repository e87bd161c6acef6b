/**
 * Tillgate as a myPOS terminal: {@link io.tillgate.ipp.frontend.IppFrontEnd} turns IPP requests into
 * {@code PaymentService} calls. In front of a simulated terminal it is the IPP terminal emulator.
 */
package io.tillgate.ipp.frontend;
