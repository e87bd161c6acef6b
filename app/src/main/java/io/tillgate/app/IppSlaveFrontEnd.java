package io.tillgate.app;

import io.tillgate.core.service.PaymentService;
import io.tillgate.ipp.frontend.EmulatedAcquirerHost;
import io.tillgate.ipp.frontend.IppFrontEnd;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * An IPP front-end in slave mode: the POS relays the terminal's host traffic, over plain TCP, to an
 * acquirer host of the gateway's own, which must be listening before the front-end can name it.
 */
final class IppSlaveFrontEnd implements AutoCloseable {

    private final IppFrontEndConfig config;
    private final PaymentService payments;
    private final EmulatedAcquirerHost acquirer;
    private IppFrontEnd server;

    IppSlaveFrontEnd(IppFrontEndConfig config, PaymentService payments) {
        this.config = config;
        this.payments = payments;
        this.acquirer = new EmulatedAcquirerHost(config.host());
    }

    synchronized InetSocketAddress start() {
        InetSocketAddress host = acquirer.start();
        server = new IppFrontEnd(config.withHostRelay(
                new IppFrontEndConfig.HostRelay(host.getHostString(), host.getPort(), List.of())), payments);
        return server.start();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
        acquirer.close();
    }
}
