package io.tillgate.app.admin;

import io.tillgate.admin.health.ReadinessCheck;
import io.tillgate.transport.Listener;
import io.tillgate.transport.ServerTransport;
import java.util.List;
import java.util.stream.Collectors;

/** {@code listeners}: every listener the gateway opened is still bound (none is, once it stops or drains). */
final class ListenerReadiness implements ReadinessCheck {

    private final ServerTransport transport;

    ListenerReadiness(ServerTransport transport) {
        this.transport = transport;
    }

    @Override
    public String name() {
        return "listeners";
    }

    @Override
    public Result check() {
        List<Listener> listeners = transport.listeners();
        List<Listener> closed = listeners.stream().filter(listener -> !listener.isOpen()).toList();
        if (listeners.isEmpty()) {
            return Result.down("no listener is bound");
        }
        if (!closed.isEmpty()) {
            return Result.down("not listening: "
                    + closed.stream().map(Listener::name).collect(Collectors.joining(", ")));
        }
        return Result.up(listeners.stream().map(l -> l.name() + " " + l.address().getPort())
                .collect(Collectors.joining(", ")));
    }
}
