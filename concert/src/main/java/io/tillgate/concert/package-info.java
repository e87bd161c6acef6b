/** Concert / Caisse-AP V3 over IP: TLV codec, Netty framing, the ConcertTerminal driver and the Concert front-end. */
package io.tillgate.concert;
