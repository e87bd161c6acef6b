/** {@link io.tillgate.concert.driver.ConcertTerminal}: Tillgate as the cash register of a Concert terminal. */
package io.tillgate.concert.driver;
