package io.tillgate.nexo.frontend;

import io.tillgate.core.service.PaymentService;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.internal.NexoHttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What every connection of one {@link NexoFrontEnd} shares. */
record FrontEndContext(NexoFrontEndConfig config, PaymentService payments, FrontEndMapper mapper, NexoCodec codec,
        NexoHttpClient posClient, Clock clock, Map<String, SaleSession> sessions) {

    FrontEndContext(NexoFrontEndConfig config, PaymentService payments, NexoCodec codec, NexoHttpClient posClient,
            Clock clock) {
        this(config, payments, new FrontEndMapper(config.merchantId(), config.terminalId()), codec, posClient, clock,
                new ConcurrentHashMap<>());
    }

    SaleSession session(String saleId, String poiId) {
        return sessions.computeIfAbsent(key(saleId, poiId), k -> new SaleSession());
    }

    Optional<SaleSession> existing(String saleId, String poiId) {
        return Optional.ofNullable(sessions.get(key(saleId, poiId)));
    }

    /** The POS listener posts of one request, or {@code null} in light integration. */
    PosOutbox outbox(SaleSession session, String saleId, String poiId, String serviceId) {
        if (!session.fullIntegration() || config.posListenerUrl() == null) {
            return null;
        }
        return new PosOutbox(posClient, codec, config.posListenerUrl(), config.posRequestTimeout(),
                config.inputTimeout(), saleId, poiId, serviceId);
    }

    private static String key(String saleId, String poiId) {
        return saleId + '\u0000' + poiId;
    }
}
