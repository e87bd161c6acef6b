package io.tillgate.app.config;

import io.tillgate.core.health.TerminalMonitorSettings;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.receipt.MerchantDetails;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The settings of {@code tillgate emulate}: one simulated terminal behind one protocol front-end,
 * no P3, and an in-memory journal — an emulator stands in for a terminal, which keeps no journal a
 * gateway could read.
 */
public final class EmulatorSettings {

    /** The simulated terminal's id. */
    public static final String TERMINAL_ID = "emulated";
    private static final String MERCHANT_ID = "emulator";

    private EmulatorSettings() {
    }

    /**
     * @param protocol the protocol to emulate
     * @param host the address to bind
     * @param port the port, or {@code null} for the protocol's default
     * @param speed {@code realistic}, {@code fast} or a step duration ({@code 20ms})
     * @param ippSlave IPP: relay host traffic through the POS
     * @param nexoPosListener nexo: the POS listener URL for full integration, or {@code null}
     */
    public static GatewaySettings of(Protocol protocol, String host, Integer port, String speed, boolean ippSlave,
            String nexoPosListener) {
        int resolvedPort = port == null ? protocol.defaultPort() : port;
        if (resolvedPort < 0 || resolvedPort > 65535) {
            throw new ConfigException("--port", "must be a TCP port 0-65535, was " + resolvedPort);
        }
        var terminal = new GatewaySettings.SimulatedTerminalSpec(TERMINAL_ID, "Emulated " + protocol.configName()
                + " terminal", ConfigLoader.timing("--speed", speed), protocol == Protocol.NEXO);
        // P3 is off, so nobody can log in with this secret; a merchant is only what transactions are recorded for.
        Merchant merchant = new Merchant(MERCHANT_ID, UUID.randomUUID().toString(),
                new MerchantDetails("Tillgate " + protocol.configName() + " emulator", null, null, null, null),
                List.of(TERMINAL_ID));
        var frontEnd = new GatewaySettings.FrontEndSpec(protocol, resolvedPort, TERMINAL_ID, MERCHANT_ID, ippSlave,
                nexoPosListener == null ? null : ConfigLoader.httpUrl("--pos-listener", nexoPosListener), null, false,
                null, null);
        // Nothing serves an emulator's metrics, so it keeps none.
        return new GatewaySettings(host, Map.of(), Duration.ofMinutes(3), Duration.ofHours(24), 40,
                ZoneId.systemDefault(), new GatewaySettings.JournalSpec(GatewaySettings.JournalSpec.MEMORY, null, null),
                null, List.of(merchant), List.of(terminal), List.of(frontEnd), TransportSettings.plaintext(), null,
                GatewaySettings.MetricsSettings.DISABLED,
                TerminalMonitorSettings.defaults(), GatewaySettings.DEFAULT_DRAIN_TIME);
    }
}
