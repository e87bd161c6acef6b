package io.tillgate.app;

import io.tillgate.core.service.PaymentService;
import io.tillgate.ipp.frontend.EmulatedAcquirerHost;
import io.tillgate.ipp.frontend.IppFrontEnd;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * An IPP front-end in slave mode: the POS relays the terminal's host traffic, over plain TCP, to an
 * acquirer host of the gateway's own, which must be listening before the front-end can name it.
 */
final class IppSlaveFrontEnd implements FrontEnd {

    private final IppFrontEndConfig config;
    private final PaymentService payments;
    private final ServerTransport transport;
    private final ListenerGuards guards;
    private final EmulatedAcquirerHost acquirer;
    private IppFrontEnd server;

    IppSlaveFrontEnd(IppFrontEndConfig config, PaymentService payments, ServerTransport transport,
            ListenerGuards guards) {
        this.config = config;
        this.payments = payments;
        this.transport = transport;
        this.guards = guards;
        this.acquirer = new EmulatedAcquirerHost(config.host());
    }

    @Override
    public synchronized void open() {
        InetSocketAddress host = acquirer.start();
        server = new IppFrontEnd(config.withHostRelay(
                new IppFrontEndConfig.HostRelay(host.getHostString(), host.getPort(), List.of())), payments, transport,
                guards);
        server.open();
    }

    @Override
    public synchronized List<InetSocketAddress> addresses() {
        if (server == null) {
            throw new IllegalStateException("IPP slave-mode front-end for terminal " + config.terminalId()
                    + " is not open");
        }
        return server.addresses();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
        acquirer.close();
    }
}
