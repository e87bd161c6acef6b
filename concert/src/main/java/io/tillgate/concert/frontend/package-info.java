/**
 * {@link io.tillgate.concert.frontend.ConcertFrontEnd}: Tillgate as a Concert terminal, turning cash
 * register requests into {@code PaymentService} calls.
 */
package io.tillgate.concert.frontend;
