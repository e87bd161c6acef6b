package io.tillgate.transport;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A protocol's server side as a gateway runs it, beside the {@code Terminal} SPI of the drivers: the
 * P3 PayServer, or Tillgate acting as a Concert, IPP or nexo terminal. A gateway opens every
 * configured front-end on its one {@link ServerTransport} and closes them on the way out.
 */
public interface FrontEnd extends AutoCloseable {

    /**
     * Binds its listeners.
     *
     * @throws IllegalStateException naming the listener that cannot bind; nothing is left bound
     */
    void open();

    /** Where it listens once open, one address per listener. */
    List<InetSocketAddress> addresses();

    /** Stops listening and closes its connections; running transactions go on. */
    @Override
    void close();
}
