package io.tillgate.app;

import io.tillgate.app.config.GatewaySettings.FrontEndSpec;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.TransportSettings;
import io.tillgate.concert.frontend.ConcertFrontEnd;
import io.tillgate.concert.frontend.ConcertFrontEndConfig;
import io.tillgate.core.service.PaymentService;
import io.tillgate.ipp.frontend.IppFrontEnd;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import io.tillgate.nexo.frontend.NexoFrontEnd;
import io.tillgate.nexo.frontend.NexoFrontEndConfig;
import io.tillgate.transport.ServerTransport;

/** Builds the protocol front-end a configuration entry names. */
final class FrontEnds {

    private FrontEnds() {
    }

    static FrontEnd create(FrontEndSpec spec, GatewaySettings settings, PaymentService payments,
            ServerTransport transport) {
        String host = settings.host();
        TransportSettings guards = settings.transport();
        return switch (spec.protocol()) {
            case CONCERT -> {
                ConcertFrontEndConfig config = ConcertFrontEndConfig.defaults(spec.merchantId(), spec.terminalId())
                        .withBind(host, spec.port())
                        .withTickets(ConcertFrontEndConfig.DEFAULT_TICKET_WIDTH, settings.zone());
                if (spec.concertQuietInterval() != null) {
                    config = config.withTimeouts(spec.concertQuietInterval(), config.idleTimeout());
                }
                ConcertFrontEnd server = new ConcertFrontEnd(config, payments, transport,
                        guards.plaintextOnly(spec.allowed()));
                yield new FrontEnd(spec, server::start, server);
            }
            case IPP -> {
                IppFrontEndConfig config = IppFrontEndConfig.defaults(spec.merchantId(), spec.terminalId())
                        .withHost(host).withPort(spec.port()).withZone(settings.zone())
                        .withMerchantName(merchantName(settings, spec.merchantId()));
                if (spec.ippSlave()) {
                    IppSlaveFrontEnd server = new IppSlaveFrontEnd(config, payments, transport,
                            guards.plaintextOnly(spec.allowed()));
                    yield new FrontEnd(spec, server::start, server);
                }
                IppFrontEnd server = new IppFrontEnd(config, payments, transport, guards.plaintextOnly(spec.allowed()));
                yield new FrontEnd(spec, server::start, server);
            }
            case NEXO -> {
                NexoFrontEndConfig config = NexoFrontEndConfig.defaults(spec.merchantId(), spec.terminalId())
                        .withBind(host, spec.port());
                if (spec.nexoPosListener() != null) {
                    config = config.withPosListenerUrl(spec.nexoPosListener());
                }
                NexoFrontEnd server = new NexoFrontEnd(config, payments, transport, guards.tlsCapable(spec.allowed()),
                        spec.nexoPosListenerTrust());
                yield new FrontEnd(spec, server::start, server);
            }
        };
    }

    private static String merchantName(GatewaySettings settings, String merchantId) {
        return settings.merchants().stream().filter(m -> m.id().equals(merchantId)).findFirst()
                .map(m -> m.details().publicName()).orElse(merchantId);
    }
}
