package io.tillgate.transport;

import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * A front-end's one listener, on the gateway's shared transport or, for a front-end started on its
 * own (an emulator, a test), on event loops of its own that close with it.
 */
public final class FrontEndListener implements AutoCloseable {

    /** A front-end on its own needs few threads: one acceptor and two I/O loops. */
    private static final int OWN_IO_THREADS = 2;

    private final Listener listener;
    private final ServerTransport own;

    private FrontEndListener(Listener listener, ServerTransport own) {
        this.listener = listener;
        this.own = own;
    }

    /**
     * @param shared the gateway's transport, or {@code null} for one of its own
     * @param threadName prefixes the own transport's thread names
     * @throws IllegalStateException naming the listener when it cannot bind; nothing is left open
     */
    public static FrontEndListener start(ServerTransport shared, String threadName, ListenerSpec spec) {
        return start(shared, threadName, transport -> spec);
    }

    /** As {@link #start(ServerTransport, String, ListenerSpec)}, for a spec that needs the event loops. */
    public static FrontEndListener start(ServerTransport shared, String threadName,
            Function<ServerTransport, ListenerSpec> spec) {
        ServerTransport own = shared == null ? ServerTransport.create(threadName, OWN_IO_THREADS) : null;
        try {
            ServerTransport transport = shared != null ? shared : own;
            return new FrontEndListener(transport.listen(spec.apply(transport)), own);
        } catch (RuntimeException e) {
            if (own != null) {
                own.close();
            }
            throw e;
        }
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    public Listener listener() {
        return listener;
    }

    @Override
    public void close() {
        listener.close();
        if (own != null) {
            own.close();
        }
    }
}
