package io.tillgate.app;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.tillgate.app.config.GatewaySettings.ConcertTerminalSpec;
import io.tillgate.app.config.GatewaySettings.IppTerminalSpec;
import io.tillgate.app.config.GatewaySettings.NexoTerminalSpec;
import io.tillgate.app.config.GatewaySettings.SimulatedTerminalSpec;
import io.tillgate.app.config.GatewaySettings.TerminalSpec;
import io.tillgate.concert.driver.ConcertTerminal;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.ipp.driver.IppTerminal;
import io.tillgate.nexo.driver.NexoPosListener;
import io.tillgate.nexo.driver.NexoPosListenerConfig;
import io.tillgate.nexo.driver.NexoTerminal;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ServerTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the driver each configured terminal names, and owns what drivers share: the resolver that
 * looks up terminals' host names off the event loops (a terminal named by host name would otherwise
 * stall every driver on them while DNS answers), and the POS listeners that full-integration nexo
 * terminals post to, one per configured address.
 */
public final class Terminals implements AutoCloseable {

    private final ScheduledExecutorService simulation;
    private final EventLoopGroup io;
    private final ServerTransport listeners;
    private final ListenerGuards listenerGuards;
    private final DnsAddressResolverGroup resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
            .datagramChannelType(NioDatagramChannel.class).socketChannelType(NioSocketChannel.class));
    private final Map<NexoPosListenerConfig, NexoPosListener> nexoListeners = new LinkedHashMap<>();
    /** Each nexo terminal's place on its POS listener, by terminal. */
    private final Map<Terminal, AutoCloseable> registrations = new ConcurrentHashMap<>();

    /** Drivers whose nexo POS listeners, if any, run plaintext on event loops of their own. */
    public Terminals(ScheduledExecutorService simulation, EventLoopGroup io) {
        this(simulation, io, null, ListenerGuards.defaults());
    }

    /**
     * @param simulation runs simulated card flows; owned by the caller
     * @param io the drivers' sockets; owned by the caller
     * @param listeners where nexo POS listeners listen, or {@code null} for loops of their own; owned by
     *     the caller
     * @param listenerGuards the nexo POS listeners' TLS and limits
     */
    public Terminals(ScheduledExecutorService simulation, EventLoopGroup io, ServerTransport listeners,
            ListenerGuards listenerGuards) {
        this.simulation = simulation;
        this.io = io;
        this.listeners = listeners;
        this.listenerGuards = listenerGuards;
    }

    public Terminal create(TerminalSpec spec) {
        if (spec instanceof SimulatedTerminalSpec simulated) {
            return new SimulatedTerminal(simulated.id(), simulated.timing(), simulation, simulated.partialApproval());
        }
        if (spec instanceof ConcertTerminalSpec concert) {
            return new ConcertTerminal(concert.config(), io, resolver);
        }
        if (spec instanceof IppTerminalSpec ipp) {
            return new IppTerminal(ipp.config(), io, resolver);
        }
        NexoTerminalSpec nexo = (NexoTerminalSpec) spec;
        NexoTerminal terminal = new NexoTerminal(nexo.config(), io, resolver);
        if (nexo.listener() != null) {
            NexoPosListener listener;
            synchronized (nexoListeners) {
                listener = nexoListeners.computeIfAbsent(nexo.listener(), config -> {
                    NexoPosListener created = new NexoPosListener(config, listeners, listenerGuards);
                    created.start();
                    return created;
                });
            }
            registrations.put(terminal, listener.register(terminal));
        }
        return terminal;
    }

    /** The device type P3 lists at login. */
    static String p3Type(TerminalSpec spec) {
        if (spec instanceof SimulatedTerminalSpec) {
            return "MOCK";
        }
        if (spec instanceof ConcertTerminalSpec) {
            return "CONCERT";
        }
        return spec instanceof IppTerminalSpec ? "MYPOS" : "NEXO";
    }

    /** How P3 says the gateway reaches the device. */
    static String p3Comlink(TerminalSpec spec) {
        return spec instanceof SimulatedTerminalSpec ? "MOCK" : "WIFI";
    }

    /**
     * Closes a terminal a configuration reload removed or replaced, taking it off its nexo POS listener
     * first, so that a terminal of the same id can take its place there.
     */
    public void close(Terminal terminal) {
        unregister(terminal, registrations.remove(terminal));
        terminal.close();
    }

    private static void unregister(Terminal terminal, AutoCloseable registration) {
        if (registration == null) {
            return;
        }
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot unregister nexo terminal " + terminal.id() + " from its listener",
                    e);
        }
    }

    @Override
    public void close() {
        registrations.forEach(Terminals::unregister);
        registrations.clear();
        synchronized (nexoListeners) {
            nexoListeners.values().forEach(NexoPosListener::close);
        }
        resolver.close();
    }
}
