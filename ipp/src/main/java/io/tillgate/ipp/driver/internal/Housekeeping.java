package io.tillgate.ipp.driver.internal;

import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.IppTerminalConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-payment exchanges the driver runs: GET_STATUS, COMPLETE_TX, GET_CERTIFICATE
 * (docs/protocols/ipp.md §7, §10).
 */
final class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final IppTerminalConfig config;
    private final RequestFactory requests;
    private final CertificateCache certificates;

    Housekeeping(IppTerminalConfig config, RequestFactory requests, CertificateCache certificates) {
        this.config = config;
        this.requests = requests;
        this.certificates = certificates;
    }

    /** GET_STATUS, then fetches every certificate its PRIMARY/SECONDARY_CHAIN names that is not cached. */
    CompletableFuture<IppResponse> status(IppLink link, int version) {
        return link.exchange(requests.getStatus(version), ignored -> { }).thenCompose(status -> {
            List<byte[]> missing = new ArrayList<>();
            for (String chain : new String[] {IppNames.PRIMARY_CHAIN, IppNames.SECONDARY_CHAIN}) {
                byte[] value = status.properties().has(chain) ? status.properties().bytes(chain) : null;
                if (value != null) {
                    IppCodec.fingerprints(value).stream().filter(f -> !certificates.has(f)).forEach(missing::add);
                }
            }
            return fetch(link, missing, 0, version).thenApply(v -> status);
        });
    }

    /** COMPLETE_TX for {@code sidOriginal}; completes with its final reply. */
    CompletableFuture<IppResponse> complete(IppLink link, String sidOriginal, int version) {
        return link.exchange(requests.completeTransaction(sidOriginal, version), ignored -> { })
                .whenComplete((reply, failure) -> {
                    if (failure != null || reply.status() != IppStatus.OK) {
                        LOG.warn("terminal {}: COMPLETE_TX for {} failed ({}); the terminal will refuse new payments "
                                + "with STATUS 20 until it is completed", config.id(), sidOriginal,
                                failure != null ? failure.getMessage() : "STATUS " + reply.status().code());
                    } else {
                        LOG.debug("terminal {}: transaction {} completed", config.id(), sidOriginal);
                    }
                });
    }

    private CompletableFuture<Void> fetch(IppLink link, List<byte[]> missing, int index, int version) {
        if (index == missing.size()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] fingerprint = missing.get(index);
        return link.exchange(requests.getCertificate(fingerprint, version), ignored -> { }).thenCompose(reply -> {
            byte[] cert = reply.properties().has(IppNames.CERT) ? reply.properties().bytes(IppNames.CERT) : null;
            if (reply.status() != IppStatus.OK || cert == null) {
                LOG.warn("terminal {}: GET_CERTIFICATE answered STATUS {}; slave-mode TLS to that host will fail",
                        config.id(), reply.status().code());
            } else {
                try {
                    certificates.put(fingerprint, IppCodec.payload(cert));
                } catch (IllegalArgumentException e) {
                    LOG.warn("terminal {}: {}", config.id(), e.getMessage());
                }
            }
            return fetch(link, missing, index + 1, version);
        });
    }
}
