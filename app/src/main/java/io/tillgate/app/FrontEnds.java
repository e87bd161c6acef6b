package io.tillgate.app;

import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.GatewaySettings.FrontEndSpec;
import io.tillgate.app.config.Protocol;
import io.tillgate.app.config.TransportSettings;
import io.tillgate.concert.frontend.ConcertFrontEnd;
import io.tillgate.concert.frontend.ConcertFrontEndConfig;
import io.tillgate.core.service.PaymentService;
import io.tillgate.ipp.frontend.IppFrontEnd;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import io.tillgate.nexo.frontend.NexoFrontEnd;
import io.tillgate.nexo.frontend.NexoFrontEndConfig;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.ServerTransport;
import java.util.Map;

/**
 * The protocol front-ends a configuration entry can name, each registered with the factory that
 * builds it from its entry. A new protocol is one more registration.
 */
final class FrontEnds {

    /** Builds a protocol's front-end from its entry, on the gateway's transport. */
    @FunctionalInterface
    interface Factory {
        FrontEnd create(FrontEndSpec spec, GatewaySettings settings, PaymentService payments,
                ServerTransport transport);
    }

    private static final Map<Protocol, Factory> FACTORIES = Map.of(
            Protocol.CONCERT, FrontEnds::concert,
            Protocol.IPP, FrontEnds::ipp,
            Protocol.NEXO, FrontEnds::nexo);

    private FrontEnds() {
    }

    static FrontEnd create(FrontEndSpec spec, GatewaySettings settings, PaymentService payments,
            ServerTransport transport) {
        Factory factory = FACTORIES.get(spec.protocol());
        if (factory == null) {
            throw new IllegalArgumentException("no front-end is registered for " + spec.protocol().configName());
        }
        return factory.create(spec, settings, payments, transport);
    }

    private static FrontEnd concert(FrontEndSpec spec, GatewaySettings settings, PaymentService payments,
            ServerTransport transport) {
        ConcertFrontEndConfig config = ConcertFrontEndConfig.defaults(spec.merchantId(), spec.terminalId())
                .withBind(settings.host(), spec.port())
                .withTickets(ConcertFrontEndConfig.DEFAULT_TICKET_WIDTH, settings.zone());
        if (spec.concertQuietInterval() != null) {
            config = config.withTimeouts(spec.concertQuietInterval(), config.idleTimeout());
        }
        config = config.withQuietIntervalOnly(spec.concertQuietIntervalOnly());
        return new ConcertFrontEnd(config, payments, transport, settings.transport().plaintextOnly(spec.allowed()));
    }

    private static FrontEnd ipp(FrontEndSpec spec, GatewaySettings settings, PaymentService payments,
            ServerTransport transport) {
        IppFrontEndConfig config = IppFrontEndConfig.defaults(spec.merchantId(), spec.terminalId())
                .withHost(settings.host()).withPort(spec.port()).withZone(settings.zone())
                .withMerchantName(merchantName(settings, spec.merchantId()));
        TransportSettings guards = settings.transport();
        return spec.ippSlave()
                ? new IppSlaveFrontEnd(config, payments, transport, guards.plaintextOnly(spec.allowed()))
                : new IppFrontEnd(config, payments, transport, guards.plaintextOnly(spec.allowed()));
    }

    private static FrontEnd nexo(FrontEndSpec spec, GatewaySettings settings, PaymentService payments,
            ServerTransport transport) {
        NexoFrontEndConfig config = NexoFrontEndConfig.defaults(spec.merchantId(), spec.terminalId())
                .withBind(settings.host(), spec.port());
        if (spec.nexoPosListener() != null) {
            config = config.withPosListenerUrl(spec.nexoPosListener());
        }
        return new NexoFrontEnd(config, payments, transport, settings.transport().tlsCapable(spec.allowed()),
                spec.nexoPosListenerTrust());
    }

    private static String merchantName(GatewaySettings settings, String merchantId) {
        return settings.merchants().stream().filter(m -> m.id().equals(merchantId)).findFirst()
                .map(m -> m.details().publicName()).orElse(merchantId);
    }
}
