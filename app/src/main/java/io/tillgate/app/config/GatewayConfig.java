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
        @JsonProperty("terminals") List<TerminalEntry> terminals) {

    /** Settings common to every front-end. */
    public record Gateway(
            @JsonProperty("host") String host,
            @JsonProperty("information") Map<String, String> information,
            @JsonProperty("transactionTimeout") String transactionTimeout,
            @JsonProperty("idempotencyWindow") String idempotencyWindow,
            @JsonProperty("receiptWidth") Integer receiptWidth,
            @JsonProperty("timeZone") String timeZone) {
    }

    /** Where transactions are recorded. */
    public record Journal(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user,
            @JsonProperty("password") String password) {

        @Override
        public String toString() {
            return "Journal[url=" + url + "]";
        }
    }

    /** The P3 PayServer front-end. */
    public record P3(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("websocketPort") Integer websocketPort,
            @JsonProperty("tcpPort") Integer tcpPort,
            @JsonProperty("maxFrameBytes") Integer maxFrameBytes,
            @JsonProperty("idleTimeout") String idleTimeout) {
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

    /** A terminal the gateway drives. */
    public record TerminalEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("speed") String speed,
            @JsonProperty("partialApproval") Boolean partialApproval) {
    }
}
