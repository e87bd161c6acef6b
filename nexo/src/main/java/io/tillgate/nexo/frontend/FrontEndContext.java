package io.tillgate.nexo.frontend;

import io.tillgate.core.service.PaymentService;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.internal.NexoHttpClient;
import io.tillgate.tls.ClientTls;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every connection of one {@link NexoFrontEnd} shares, among it the sessions of the POS
 * systems that talk to it: the {@value #MAX_SESSIONS} most recently active, so POS software that
 * keeps inventing SaleIDs cannot grow the emulated terminal without bound (a forgotten POS logs in
 * again).
 */
record FrontEndContext(NexoFrontEndConfig config, PaymentService payments, FrontEndMapper mapper, NexoCodec codec,
        NexoHttpClient posClient, ClientTls posListenerTls, Clock clock, Map<String, SaleSession> sessions) {

    static final int MAX_SESSIONS = 64;

    /** @param posListenerTls the trust for an {@code https} POS listener, {@code null} for plain HTTP */
    FrontEndContext(NexoFrontEndConfig config, PaymentService payments, NexoCodec codec, NexoHttpClient posClient,
            ClientTls posListenerTls, Clock clock) {
        this(config, payments, new FrontEndMapper(config.merchantId(), config.terminalId()), codec, posClient,
                posListenerTls, clock,
                Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, SaleSession> eldest) {
                        return size() > MAX_SESSIONS;
                    }
                }));
    }

    SaleSession session(String saleId, String poiId) {
        return sessions.computeIfAbsent(key(saleId, poiId), k -> new SaleSession());
    }

    Optional<SaleSession> existing(String saleId, String poiId) {
        return Optional.ofNullable(sessions.get(key(saleId, poiId)));
    }

    /** The sale systems logged in to {@code poiId}, as a DiagnosisResponse lists them. */
    List<String> loggedSales(String poiId) {
        String suffix = '\u0000' + poiId;
        synchronized (sessions) {
            return sessions.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(suffix) && e.getValue().loggedIn())
                    .map(e -> e.getKey().substring(0, e.getKey().length() - suffix.length()))
                    .toList();
        }
    }

    /** The POS listener posts of one request, or {@code null} in light integration. */
    PosOutbox outbox(SaleSession session, String saleId, String poiId, String serviceId) {
        if (!session.fullIntegration() || config.posListenerUrl() == null) {
            return null;
        }
        return new PosOutbox(posClient, posListenerTls, codec, config.posListenerUrl(), config.posRequestTimeout(),
                config.inputTimeout(), saleId, poiId, serviceId);
    }

    private static String key(String saleId, String poiId) {
        return saleId + '\u0000' + poiId;
    }
}
