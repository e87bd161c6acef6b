package io.tillgate.app.config;

import static io.tillgate.app.config.ConfigLoader.duration;
import static io.tillgate.app.config.ConfigLoader.orDefault;
import static io.tillgate.app.config.ConfigLoader.port;

import io.tillgate.concert.codec.TicketMode;
import io.tillgate.concert.driver.ConcertTerminalConfig;
import io.tillgate.ipp.driver.IppTerminalConfig;
import io.tillgate.nexo.driver.NexoIntegration;
import io.tillgate.nexo.driver.NexoPosListenerConfig;
import io.tillgate.nexo.driver.NexoTerminalConfig;
import io.tillgate.tls.ClientTls;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** Turns the entry of a real terminal into its driver's settings, naming the key of every problem. */
final class TerminalSpecs {

    private TerminalSpecs() {
    }

    static GatewaySettings.TerminalSpec remote(String key, Protocol protocol, String id, String name,
            GatewayConfig.TerminalEntry t, GatewayConfig.NexoListener nexoListener, String gatewayHost) {
        if (t.speed() != null || t.partialApproval() != null) {
            throw new ConfigException(key + (t.speed() != null ? ".speed" : ".partialApproval"),
                    "applies to simulated terminals only");
        }
        for (Protocol other : Protocol.values()) {
            Object section = switch (other) {
                case CONCERT -> t.concert();
                case IPP -> t.ipp();
                case NEXO -> t.nexo();
            };
            if (other != protocol && section != null) {
                throw new ConfigException(key + "." + other.configName(), "does not apply to a " + protocol.configName()
                        + " terminal");
            }
        }
        if (t.host() == null || t.host().isBlank()) {
            throw new ConfigException(key + ".host", "is required for a " + protocol.configName() + " terminal");
        }
        int port = port(key + ".port", t.port(), protocol.defaultPort());
        if (port == 0) { // a listener may take any free port; a terminal is reached on its own
            throw new ConfigException(key + ".port", "must be a TCP port 1-65535 for a terminal, was 0");
        }
        return switch (protocol) {
            case CONCERT -> new GatewaySettings.ConcertTerminalSpec(name,
                    concert(key, t, ConcertTerminalConfig.defaults(id, t.host(), port)));
            case IPP -> new GatewaySettings.IppTerminalSpec(name, ipp(key, t, IppTerminalConfig.defaults(id, t.host(), port)));
            case NEXO -> nexo(key, name, t, nexoDefaults(key, id, t, port), nexoListener, gatewayHost);
        };
    }

    private static ConcertTerminalConfig concert(String key, GatewayConfig.TerminalEntry t,
            ConcertTerminalConfig defaults) {
        GatewayConfig.ConcertEntry c = t.concert() != null ? t.concert()
                : new GatewayConfig.ConcertEntry(null, null, null, null, null, null, null, null);
        String section = key + ".concert";
        return valid(section, () -> {
            ConcertTerminalConfig config = defaults
                    .withTimeouts(connectTimeout(key, t, defaults.connectTimeout()),
                            optional(section + ".answerDeadline", c.answerDeadline(), defaults.answerDeadline()),
                            optional(section + ".drainInterval", c.drainInterval(), defaults.drainInterval()))
                    .withIdentifiers(orDefault(c.protocolVersion(), defaults.protocolVersion()),
                            orDefault(c.softwareId(), defaults.softwareId()),
                            orDefault(c.registerNumber(), defaults.registerNumber()))
                    .withImmediateMode(Boolean.TRUE.equals(c.immediateMode()))
                    .withDrainIntervalOnly(Boolean.TRUE.equals(c.drainIntervalOnly()));
            if (c.tickets() != null) {
                config = config.withTickets(ticketMode(section + ".tickets", c.tickets()));
            }
            return config;
        });
    }

    private static TicketMode ticketMode(String key, String code) {
        try {
            return TicketMode.fromCode(code);
        } catch (RuntimeException e) {
            throw new ConfigException(key, "'" + code + "' is not a CK ticket code: three digits, [01][012][01] "
                    + "(returned?, customer/merchant/both, HTML?)");
        }
    }

    private static IppTerminalConfig ipp(String key, GatewayConfig.TerminalEntry t, IppTerminalConfig defaults) {
        GatewayConfig.IppEntry c = t.ipp() != null ? t.ipp() : new GatewayConfig.IppEntry(null, null, null, null, null,
                null);
        String section = key + ".ipp";
        return valid(section, () -> {
            IppTerminalConfig config = defaults.withConnectTimeout(connectTimeout(key, t, defaults.connectTimeout()))
                    .withDefaultReplyTimeout(optional(section + ".replyTimeout", c.replyTimeout(),
                            defaults.defaultReplyTimeout()))
                    .withRecoveryTimeout(optional(section + ".recoveryTimeout", c.recoveryTimeout(),
                            defaults.recoveryTimeout()));
            if (c.language() != null) {
                config = config.withLanguage(c.language());
            }
            if (c.fixedPinpad() != null) {
                config = config.withFixedPinpad(c.fixedPinpad());
            }
            if (c.printReceipt() != null) {
                config = config.withPrintReceipt(c.printReceipt());
            }
            if (c.linkedRefunds() != null) {
                config = config.withLinkedRefunds(c.linkedRefunds());
            }
            return config;
        });
    }

    /** The POIID defaults to the terminal's id, which may be longer than a POIID can be. */
    private static NexoTerminalConfig nexoDefaults(String key, String id, GatewayConfig.TerminalEntry t, int port) {
        String poiId = t.nexo() == null ? null : t.nexo().poiId();
        if (poiId == null && id.length() > NexoTerminalConfig.MAX_POI_ID_LENGTH) {
            throw new ConfigException(key + ".nexo.poiId", "is required: the terminal's id '" + id + "' has "
                    + id.length() + " characters and a POIID at most " + NexoTerminalConfig.MAX_POI_ID_LENGTH);
        }
        return valid(key + ".nexo.poiId", () -> NexoTerminalConfig.defaults(id, t.host(), port, orDefault(poiId, id)));
    }

    private static GatewaySettings.NexoTerminalSpec nexo(String key, String name, GatewayConfig.TerminalEntry t,
            NexoTerminalConfig defaults, GatewayConfig.NexoListener listener, String gatewayHost) {
        GatewayConfig.NexoEntry c = t.nexo() != null ? t.nexo() : new GatewayConfig.NexoEntry(null, null, null, null,
                null, null, null);
        String section = key + ".nexo";
        NexoIntegration integration = integration(section + ".integration", c.integration());
        NexoTerminalConfig config = valid(section, () -> defaults
                .withIds(orDefault(c.saleId(), defaults.saleId()), orDefault(c.poiId(), defaults.poiId()))
                .withIntegration(integration)
                .withTimeouts(connectTimeout(key, t, defaults.connectTimeout()), defaults.requestTimeout(),
                        optional(section + ".paymentTimeout", c.paymentTimeout(), defaults.paymentTimeout()))
                .withRecovery(optional(section + ".recoveryTimeout", c.recoveryTimeout(), defaults.recoveryTimeout()),
                        defaults.statusInterval())
                .withTls(clientTls(section, c)));
        NexoPosListenerConfig listenerConfig = null;
        if (integration == NexoIntegration.FULL) {
            NexoPosListenerConfig listenerDefaults = NexoPosListenerConfig.defaults();
            String host = listener == null ? null : listener.host();
            listenerConfig = valid("nexoListener", () -> listenerDefaults.withBind(
                    orDefault(host, gatewayHost),
                    port("nexoListener.port", listener == null ? null : listener.port(), listenerDefaults.port())));
        }
        return new GatewaySettings.NexoTerminalSpec(name, config, listenerConfig);
    }

    /** HTTPS to the terminal: trusting {@code trust} (its CA, or its own pinned certificate), else the system's CAs. */
    private static ClientTls clientTls(String section, GatewayConfig.NexoEntry c) {
        if (!Boolean.TRUE.equals(c.tls())) {
            if (c.trust() != null) {
                throw new ConfigException(section + ".trust", "applies only with tls: true");
            }
            return null;
        }
        return c.trust() == null ? ClientTls.systemTrust() : TransportConfig.trust(section + ".trust", c.trust());
    }

    private static NexoIntegration integration(String key, String value) {
        if (value == null) {
            return NexoIntegration.LIGHT;
        }
        try {
            return NexoIntegration.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "'" + value + "' is not light or full");
        }
    }

    private static Duration connectTimeout(String key, GatewayConfig.TerminalEntry t, Duration fallback) {
        return optional(key + ".connectTimeout", t.connectTimeout(), fallback);
    }

    private static Duration optional(String key, String value, Duration fallback) {
        return value == null ? fallback : duration(key, value, "1s");
    }

    /** Runs a driver config's own validation, which names the setting, under the section's key. */
    private static <T> T valid(String section, Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(section, e.getMessage());
        }
    }
}
