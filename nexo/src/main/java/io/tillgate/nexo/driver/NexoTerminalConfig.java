package io.tillgate.nexo.driver;

import io.tillgate.core.settings.Require;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.tls.ClientTls;
import io.tillgate.transport.Ports;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link NexoTerminal}: one nexo terminal on the shop LAN.
 *
 * @param id the gateway terminal id
 * @param host the terminal's address
 * @param port the terminal's port (11000)
 * @param saleId the SaleID this POS uses in every header (constant through a login session)
 * @param poiId the terminal's POIID (at most 32 characters)
 * @param integration light or full integration
 * @param operatorLanguage LoginRequest@OperatorLanguage, two lowercase letters
 * @param applicationName SaleSoftware@ApplicationName (ProviderIdentification is "Tillgate")
 * @param softwareVersion SaleSoftware@SoftwareVersion
 * @param connectTimeout how long connecting to the terminal may take
 * @param requestTimeout the answer deadline of Login, Logout, TransactionStatus and Abort
 * @param paymentTimeout the answer deadline of Payment and Reversal (nexo documents none; 180 s)
 * @param recoveryTimeout how long a lost answer is asked for with TransactionStatus before it is UNKNOWN
 * @param statusInterval the pause between two TransactionStatus queries while the terminal says Busy
 * @param busyRetries how often a Busy Login, Payment or Reversal is retried
 * @param busyBackoff the first pause before such a retry; it grows linearly
 * @param maxBodyBytes the largest answer accepted
 * @param tls HTTPS to the terminal with this trust (a configured CA or the terminal's pinned
 *     certificate), or {@code null} for plain HTTP
 */
public record NexoTerminalConfig(String id, String host, int port, String saleId, String poiId,
        NexoIntegration integration, String operatorLanguage, String applicationName, String softwareVersion,
        Duration connectTimeout, Duration requestTimeout, Duration paymentTimeout, Duration recoveryTimeout,
        Duration statusInterval, int busyRetries, Duration busyBackoff, int maxBodyBytes, ClientTls tls) {

    /** The longest POIID the nexo data dictionary allows. */
    public static final int MAX_POI_ID_LENGTH = 32;

    public NexoTerminalConfig {
        Require.text(id, "id");
        Require.text(host, "host");
        Ports.requireRemote("port", port);
        Require.text(saleId, "saleId");
        Require.text(poiId, "poiId");
        if (poiId.length() > MAX_POI_ID_LENGTH) {
            throw new IllegalArgumentException("poiId must have at most " + MAX_POI_ID_LENGTH + " characters, has "
                    + poiId.length());
        }
        Objects.requireNonNull(integration, "integration");
        if (operatorLanguage == null || !operatorLanguage.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("operatorLanguage must be two lowercase letters, was '"
                    + operatorLanguage + "'");
        }
        Require.text(applicationName, "applicationName");
        Require.text(softwareVersion, "softwareVersion");
        Require.positive(connectTimeout, "connectTimeout");
        Require.positive(requestTimeout, "requestTimeout");
        Require.positive(paymentTimeout, "paymentTimeout");
        Require.positive(recoveryTimeout, "recoveryTimeout");
        Require.positive(statusInterval, "statusInterval");
        if (busyRetries < 0 || busyRetries > 20) {
            throw new IllegalArgumentException("busyRetries must be 0..20, was " + busyRetries);
        }
        Require.positive(busyBackoff, "busyBackoff");
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be 1024..16777216, was " + maxBodyBytes);
        }
    }

    /**
     * Light integration, SaleID {@code TILLGATE}, POIID = {@code id}, English, Swedbank's retry
     * habits (3 retries, 3 s apart), 180 s for a payment and 2 minutes to recover a lost answer.
     */
    public static NexoTerminalConfig defaults(String id, String host, int port) {
        return defaults(id, host, port, id);
    }

    /** {@link #defaults(String, String, int)} with its own POIID, for an id too long to be one. */
    public static NexoTerminalConfig defaults(String id, String host, int port, String poiId) {
        return new NexoTerminalConfig(id, host, port, "TILLGATE", poiId, NexoIntegration.LIGHT, "en", "Tillgate",
                "0.1.0", Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(180),
                Duration.ofMinutes(2), Duration.ofSeconds(3), 3, Duration.ofSeconds(3), NexoCodec.DEFAULT_MAX_BYTES,
                null);
    }

    public NexoTerminalConfig withIds(String newSaleId, String newPoiId) {
        return new NexoTerminalConfig(id, host, port, newSaleId, newPoiId, integration, operatorLanguage,
                applicationName, softwareVersion, connectTimeout, requestTimeout, paymentTimeout, recoveryTimeout,
                statusInterval, busyRetries, busyBackoff, maxBodyBytes, tls);
    }

    public NexoTerminalConfig withIntegration(NexoIntegration mode) {
        return new NexoTerminalConfig(id, host, port, saleId, poiId, mode, operatorLanguage, applicationName,
                softwareVersion, connectTimeout, requestTimeout, paymentTimeout, recoveryTimeout, statusInterval,
                busyRetries, busyBackoff, maxBodyBytes, tls);
    }

    public NexoTerminalConfig withSoftware(String language, String application, String version) {
        return new NexoTerminalConfig(id, host, port, saleId, poiId, integration, language, application, version,
                connectTimeout, requestTimeout, paymentTimeout, recoveryTimeout, statusInterval, busyRetries,
                busyBackoff, maxBodyBytes, tls);
    }

    public NexoTerminalConfig withTimeouts(Duration connect, Duration request, Duration payment) {
        return new NexoTerminalConfig(id, host, port, saleId, poiId, integration, operatorLanguage, applicationName,
                softwareVersion, connect, request, payment, recoveryTimeout, statusInterval, busyRetries, busyBackoff,
                maxBodyBytes, tls);
    }

    public NexoTerminalConfig withRecovery(Duration timeout, Duration interval) {
        return new NexoTerminalConfig(id, host, port, saleId, poiId, integration, operatorLanguage, applicationName,
                softwareVersion, connectTimeout, requestTimeout, paymentTimeout, timeout, interval, busyRetries,
                busyBackoff, maxBodyBytes, tls);
    }

    public NexoTerminalConfig withBusyRetry(int retries, Duration backoff) {
        return new NexoTerminalConfig(id, host, port, saleId, poiId, integration, operatorLanguage, applicationName,
                softwareVersion, connectTimeout, requestTimeout, paymentTimeout, recoveryTimeout, statusInterval,
                retries, backoff, maxBodyBytes, tls);
    }

    public NexoTerminalConfig withMaxBodyBytes(int max) {
        return new NexoTerminalConfig(id, host, port, saleId, poiId, integration, operatorLanguage, applicationName,
                softwareVersion, connectTimeout, requestTimeout, paymentTimeout, recoveryTimeout, statusInterval,
                busyRetries, busyBackoff, max, tls);
    }

    /** HTTPS to the terminal, trusting what {@code trust} trusts; {@code null} for plain HTTP. */
    public NexoTerminalConfig withTls(ClientTls trust) {
        return new NexoTerminalConfig(id, host, port, saleId, poiId, integration, operatorLanguage, applicationName,
                softwareVersion, connectTimeout, requestTimeout, paymentTimeout, recoveryTimeout, statusInterval,
                busyRetries, busyBackoff, maxBodyBytes, trust);
    }
}
