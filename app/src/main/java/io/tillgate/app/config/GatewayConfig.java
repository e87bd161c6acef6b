package io.tillgate.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The gateway's YAML configuration, as written. {@link ConfigLoader} fills defaults and validates;
 * every key is documented in the embedded {@code default-config.yaml}.
 */
public record GatewayConfig(
        @JsonProperty("gateway") Gateway gateway,
        @JsonProperty("journal") Journal journal,
        @JsonProperty("p3") P3 p3,
        @JsonProperty("merchants") List<MerchantEntry> merchants,
        @JsonProperty("terminals") List<TerminalEntry> terminals,
        @JsonProperty("nexoListener") NexoListener nexoListener,
        @JsonProperty("frontEnds") List<FrontEndEntry> frontEnds,
        @JsonProperty("tls") Tls tls,
        @JsonProperty("admin") Admin admin,
        @JsonProperty("metrics") Metrics metrics) {

    /** Settings common to every front-end. */
    public record Gateway(
            @JsonProperty("host") String host,
            @JsonProperty("information") Map<String, String> information,
            @JsonProperty("transactionTimeout") String transactionTimeout,
            @JsonProperty("idempotencyWindow") String idempotencyWindow,
            @JsonProperty("receiptWidth") Integer receiptWidth,
            @JsonProperty("timeZone") String timeZone,
            @JsonProperty("limits") Limits limits,
            @JsonProperty("health") Health health,
            @JsonProperty("drainTime") String drainTime) {
    }

    /** How often, and how patiently, each terminal is asked whether it is there. */
    public record Health(
            @JsonProperty("interval") String interval,
            @JsonProperty("timeout") String timeout) {
    }

    /** What every listener allows. */
    public record Limits(
            @JsonProperty("maxConnections") Integer maxConnections,
            @JsonProperty("maxConnectionsPerAddress") Integer maxConnectionsPerAddress,
            @JsonProperty("firstRequestDeadline") String firstRequestDeadline) {
    }

    /** TLS of the listeners whose protocol carries it: PEM files. */
    public record Tls(
            @JsonProperty("certificate") String certificate,
            @JsonProperty("key") String key,
            @JsonProperty("clientCa") String clientCa) {
    }

    /** The gateway's own metrics, for Prometheus. */
    public record Metrics(
            @JsonProperty("enabled") Boolean enabled) {
    }

    /** Where transactions are recorded. */
    public record Journal(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user,
            @JsonProperty("password") String password,
            @JsonProperty("cluster") Cluster cluster) {

        @Override
        public String toString() {
            return "Journal[url=" + url + "]";
        }
    }

    /** This gateway as one node of several on a PostgreSQL journal (docs/cluster.md). */
    public record Cluster(
            @JsonProperty("nodeId") String nodeId,
            @JsonProperty("nodeIdFile") String nodeIdFile,
            @JsonProperty("address") String address,
            @JsonProperty("leaseTime") String leaseTime,
            @JsonProperty("secret") String secret,
            @JsonProperty("trust") String trust,
            @JsonProperty("clientCertificate") String clientCertificate,
            @JsonProperty("clientKey") String clientKey) {

        @Override
        public String toString() {
            return "Cluster[nodeId=" + nodeId + ", address=" + address + ", leaseTime=" + leaseTime
                    + ", secret=" + (secret == null ? "none" : "***") + ", trust=" + trust + ", clientCertificate="
                    + clientCertificate + "]";
        }
    }

    /** The P3 PayServer front-end. */
    public record P3(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("websocketPort") Integer websocketPort,
            @JsonProperty("tcpPort") Integer tcpPort,
            @JsonProperty("maxFrameBytes") Integer maxFrameBytes,
            @JsonProperty("idleTimeout") String idleTimeout,
            @JsonProperty("allowedOrigins") List<String> allowedOrigins,
            @JsonProperty("loginFailuresBeforeLockout") Integer loginFailuresBeforeLockout,
            @JsonProperty("loginLockout") String loginLockout) {
    }

    /** The operator's listener: health, metrics, the admin API and the web console. */
    public record Admin(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("port") Integer port,
            @JsonProperty("sessionTimeout") String sessionTimeout,
            @JsonProperty("lockout") String lockout,
            @JsonProperty("accounts") List<AdminAccount> accounts,
            @JsonProperty("tokens") List<AdminToken> tokens) {
    }

    /** An operator who signs in to the console or the API with a password. */
    public record AdminAccount(
            @JsonProperty("name") String name,
            @JsonProperty("role") String role,
            @JsonProperty("passwordHash") String passwordHash) {
    }

    /** A program that calls the API with a bearer token. */
    public record AdminToken(
            @JsonProperty("name") String name,
            @JsonProperty("role") String role,
            @JsonProperty("token") String token) {

        @Override
        public String toString() {
            return "AdminToken[name=" + name + "]";
        }
    }

    /** A merchant that may log in. */
    public record MerchantEntry(
            @JsonProperty("id") String id,
            @JsonProperty("secret") String secret,
            @JsonProperty("name") String name,
            @JsonProperty("address") String address,
            @JsonProperty("zip") String zip,
            @JsonProperty("city") String city,
            @JsonProperty("country") String country,
            @JsonProperty("terminals") List<String> terminals) {

        @Override
        public String toString() {
            return "MerchantEntry[id=" + id + "]";
        }
    }

    /** A terminal the gateway drives: simulated, or a real one reached over the network. */
    public record TerminalEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("speed") String speed,
            @JsonProperty("partialApproval") Boolean partialApproval,
            @JsonProperty("host") String host,
            @JsonProperty("port") Integer port,
            @JsonProperty("connectTimeout") String connectTimeout,
            @JsonProperty("concert") ConcertEntry concert,
            @JsonProperty("ipp") IppEntry ipp,
            @JsonProperty("nexo") NexoEntry nexo) {
    }

    /** Concert settings of a {@code type: concert} terminal. */
    public record ConcertEntry(
            @JsonProperty("protocolVersion") String protocolVersion,
            @JsonProperty("softwareId") String softwareId,
            @JsonProperty("registerNumber") String registerNumber,
            @JsonProperty("immediateMode") Boolean immediateMode,
            @JsonProperty("tickets") String tickets,
            @JsonProperty("answerDeadline") String answerDeadline,
            @JsonProperty("drainInterval") String drainInterval,
            @JsonProperty("drainIntervalOnly") Boolean drainIntervalOnly) {
    }

    /** myPOS IPP settings of a {@code type: ipp} terminal. */
    public record IppEntry(
            @JsonProperty("language") String language,
            @JsonProperty("fixedPinpad") Boolean fixedPinpad,
            @JsonProperty("printReceipt") Integer printReceipt,
            @JsonProperty("linkedRefunds") Boolean linkedRefunds,
            @JsonProperty("replyTimeout") String replyTimeout,
            @JsonProperty("recoveryTimeout") String recoveryTimeout) {
    }

    /** nexo settings of a {@code type: nexo} terminal. */
    public record NexoEntry(
            @JsonProperty("saleId") String saleId,
            @JsonProperty("poiId") String poiId,
            @JsonProperty("integration") String integration,
            @JsonProperty("paymentTimeout") String paymentTimeout,
            @JsonProperty("recoveryTimeout") String recoveryTimeout,
            @JsonProperty("tls") Boolean tls,
            @JsonProperty("trust") String trust) {
    }

    /** Where full-integration nexo terminals post display, print and input requests. */
    public record NexoListener(
            @JsonProperty("host") String host,
            @JsonProperty("port") Integer port) {
    }

    /** The gateway acting as a terminal of a protocol, in front of one of its terminals. */
    public record FrontEndEntry(
            @JsonProperty("protocol") String protocol,
            @JsonProperty("port") Integer port,
            @JsonProperty("terminal") String terminal,
            @JsonProperty("merchant") String merchant,
            @JsonProperty("slave") Boolean slave,
            @JsonProperty("posListener") String posListener,
            @JsonProperty("posListenerTrust") String posListenerTrust,
            @JsonProperty("quietInterval") String quietInterval,
            @JsonProperty("quietIntervalOnly") Boolean quietIntervalOnly,
            @JsonProperty("allowedAddresses") List<String> allowedAddresses) {
    }
}
