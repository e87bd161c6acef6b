package io.tillgate.transport;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one listener of a front-end that has one: bound once, asked where it listens, closed; the
 * bookkeeping every such {@link FrontEnd} would otherwise repeat.
 */
public final class ListenerSlot {

    private final String name;
    private FrontEndListener listener;

    /** @param name how errors name the front-end ({@code "IPP terminal sim-1"}) */
    public ListenerSlot(String name) {
        this.name = name;
    }

    /**
     * Binds the listener {@code bind} starts.
     *
     * @return where it listens
     * @throws IllegalStateException when already bound, or when {@code bind} cannot bind
     */
    public synchronized InetSocketAddress bind(Supplier<FrontEndListener> bind) {
        if (listener != null) {
            throw new IllegalStateException(name + " was already started");
        }
        listener = bind.get();
        return listener.address();
    }

    /** @throws IllegalStateException when not bound */
    public synchronized List<InetSocketAddress> addresses() {
        if (listener == null) {
            throw new IllegalStateException(name + " is not open");
        }
        return List.of(listener.address());
    }

    /** Closes the listener and its connections, if bound; it may be bound again afterwards. */
    public synchronized void close() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }
}
