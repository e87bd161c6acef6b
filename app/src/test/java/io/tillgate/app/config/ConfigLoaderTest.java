package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.health.TerminalMonitorSettings;
import io.tillgate.core.simulated.SimulatedTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void embeddedDefaultHasTheDemoMerchantAndTwoSimulatedTerminals() {
        GatewaySettings settings = ConfigLoader.loadDefault();
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.p3().websocketPort()).isEqualTo(8080);
        assertThat(settings.p3().tcpPort()).isEqualTo(8081);
        assertThat(settings.p3().maxFrameBytes()).isEqualTo(1 << 20);
        assertThat(settings.merchants()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("demo");
            assertThat(m.secretMatches("tillgate-demo-secret")).isTrue();
            assertThat(m.terminalIds()).containsExactly("sim-1", "sim-2");
        });
        assertThat(settings.terminals()).allSatisfy(t -> assertThat(t)
                .isInstanceOfSatisfying(GatewaySettings.SimulatedTerminalSpec.class,
                        s -> assertThat(s.timing()).isEqualTo(SimulatedTiming.REALISTIC)));
        assertThat(settings.frontEnds()).isEmpty();
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.idempotencyWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.health()).isEqualTo(new TerminalMonitorSettings(Duration.ofSeconds(30),
                Duration.ofSeconds(5)));
        assertThat(settings.drainTime()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void minimalFileGetsDefaults() throws IOException {
        GatewaySettings settings = load("""
                merchants:
                  - {id: shop, secret: long-enough-secret, terminals: [t1]}
                terminals:
                  - {id: t1, speed: fast}
                """);
        assertThat(settings.p3().websocketPort()).isEqualTo(8080);
        assertThat(((GatewaySettings.SimulatedTerminalSpec) settings.terminals().get(0)).timing())
                .isEqualTo(SimulatedTiming.FAST);
        assertThat(settings.terminals().get(0).name()).isEqualTo("t1");
    }

    @Test
    void unknownKeyIsNamed() {
        assertThatThrownBy(() -> load("""
                p3: {websocketPort: 8080, tcpPrt: 8081}
                merchants: [{id: shop, secret: long-enough-secret}]
                terminals: [{id: t1}]
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("'p3.tcpPrt'")
                .hasMessageContaining("unknown key");
    }

    @Test
    void problemsGiveTheirPlaceAndNeverQuoteAValue() {
        String secret = "long-enough-secret-3d1f";
        assertThatThrownBy(() -> load("merchants:\n  - id: shop\n    secret: " + secret + ": x\nterminals: [{id: t1}]\n"))
                .hasMessageStartingWith("config key 'merchants[0]': mapping values are not allowed here (line 3, column ")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> load("merchants:\n  - id: shop\n    secret:" + secret + " x: 1\nterminals: [{id: t1}]\n"))
                .hasMessageStartingWith("config key 'merchants[0]': holds a key that is not one")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> load("p3: {tcpPort: " + secret + "}\nmerchants: [{id: shop, secret: " + secret
                + "}]\nterminals: [{id: t1}]\n"))
                .hasMessageStartingWith("config key 'p3.tcpPort': expected a whole number (line 1, column ")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> load("journal: url " + secret + "\nmerchants: [{id: shop, secret: " + secret
                + "}]\nterminals: [{id: t1}]\n"))
                .hasMessageStartingWith("config key 'journal': expected a mapping of keys to values")
                .hasMessageNotContaining(secret);
    }

    @Test
    void undefinedTerminalOfAMerchantIsNamed() {
        assertThatThrownBy(() -> load("""
                merchants: [{id: shop, secret: long-enough-secret, terminals: [t1, t9]}]
                terminals: [{id: t1}]
                """)).hasMessage("config key 'merchants[0].terminals[1]': terminal 't9' is not defined under 'terminals'");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> load("""
                gateway: {transactionTimeout: soon}
                merchants: [{id: shop, secret: long-enough-secret}]
                terminals: [{id: t1}]
                """)).hasMessageContaining("'gateway.transactionTimeout'").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> load("""
                p3: {tcpPort: 70000}
                merchants: [{id: shop, secret: long-enough-secret}]
                terminals: [{id: t1}]
                """)).hasMessageContaining("'p3.tcpPort'");
        assertThatThrownBy(() -> load("""
                merchants: [{id: shop, secret: short}]
                terminals: [{id: t1}]
                """)).hasMessageContaining("'merchants[0].secret'").hasMessageNotContaining("short");
        assertThatThrownBy(() -> load("""
                merchants: [{id: shop, secret: long-enough-secret}]
                terminals: [{id: t1, speed: warp}]
                """)).hasMessageContaining("'terminals[0].speed'").hasMessageContaining("warp");
        assertThatThrownBy(() -> load("""
                merchants: [{id: shop, secret: long-enough-secret}]
                terminals: [{id: t1}, {id: t1}]
                """)).hasMessageContaining("'terminals[1].id'");
        assertThatThrownBy(() -> load("""
                gateway: {limits: {firstRequestDeadline: 0s}}
                merchants: [{id: shop, secret: long-enough-secret}]
                terminals: [{id: t1}]
                """)).hasMessage("config key 'gateway.limits.firstRequestDeadline': must be longer than zero");
    }

    @Test
    void aNexoTerminalWhoseIdCannotBeItsPoiIdMustNameOne() throws IOException {
        String longId = "a-nexo-terminal-id-longer-than-32-chars";
        assertThatThrownBy(() -> load("""
                merchants: [{id: shop, secret: long-enough-secret, terminals: [%s]}]
                terminals: [{id: %s, type: nexo, host: 192.0.2.10}]
                """.formatted(longId, longId))).isInstanceOf(ConfigException.class).hasMessage(
                "config key 'terminals[0].nexo.poiId': is required: the terminal's id '" + longId
                        + "' has 39 characters and a POIID at most 32");
        assertThat(load("""
                merchants: [{id: shop, secret: long-enough-secret, terminals: [%s]}]
                terminals: [{id: %s, type: nexo, host: 192.0.2.10, nexo: {poiId: POI-1}}]
                """.formatted(longId, longId)).terminals()).hasSize(1);
    }

    @Test
    void frontEndsDefaultToTheProtocolPortAndTheTerminalsMerchant() throws IOException {
        GatewaySettings settings = load("""
                merchants: [{id: shop, secret: long-enough-secret, terminals: [t1, t2]}]
                terminals: [{id: t1}, {id: t2}]
                frontEnds:
                  - {protocol: concert, terminal: t1, quietInterval: 5ms}
                  - {protocol: ipp, terminal: t2, slave: true}
                  - {protocol: nexo, port: 11100, terminal: t1, posListener: "http://pos:11001/EPASSaleToPOI/3.1"}
                """);
        assertThat(settings.frontEnds()).extracting(GatewaySettings.FrontEndSpec::protocol, GatewaySettings.FrontEndSpec::port,
                GatewaySettings.FrontEndSpec::merchantId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Protocol.CONCERT, 8888, "shop"),
                        org.assertj.core.groups.Tuple.tuple(Protocol.IPP, 7900, "shop"),
                        org.assertj.core.groups.Tuple.tuple(Protocol.NEXO, 11100, "shop"));
        assertThat(settings.frontEnds().get(0).concertQuietInterval()).isEqualTo(java.time.Duration.ofMillis(5));
        assertThat(settings.frontEnds().get(1).ippSlave()).isTrue();
        assertThat(settings.frontEnds().get(1).concertQuietInterval()).isNull();
        assertThat(settings.frontEnds().get(2).nexoPosListener()).hasToString("http://pos:11001/EPASSaleToPOI/3.1");
    }

    @Test
    void concertsWaitForTheQuietIntervalOnlyWhenConfigured() throws IOException {
        GatewaySettings settings = load("""
                merchants: [{id: shop, secret: long-enough-secret, terminals: [t1, t2]}]
                terminals:
                  - {id: t1}
                  - {id: t2, type: concert, host: 192.0.2.10, concert: {drainIntervalOnly: true}}
                frontEnds:
                  - {protocol: concert, terminal: t1, quietIntervalOnly: true}
                  - {protocol: concert, port: 8889, terminal: t1}
                """);
        assertThat(settings.frontEnds()).extracting(GatewaySettings.FrontEndSpec::concertQuietIntervalOnly)
                .containsExactly(true, false);
        assertThat(((GatewaySettings.ConcertTerminalSpec) settings.terminals().get(1)).config().drainIntervalOnly())
                .isTrue();
        assertThatThrownBy(() -> load("""
                merchants: [{id: shop, secret: long-enough-secret, terminals: [t1]}]
                terminals: [{id: t1}]
                frontEnds: [{protocol: ipp, terminal: t1, quietIntervalOnly: true}]
                """)).hasMessage("config key 'frontEnds[0].quietIntervalOnly': applies to concert front-ends only");
    }

    @Test
    void frontEndProblemsAreNamed() {
        String base = """
                merchants: [{id: shop, secret: long-enough-secret, terminals: [t1]}, {id: other, secret: long-enough-secret}]
                terminals: [{id: t1}, {id: t2}]
                """;
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: zvt, terminal: t1}]"))
                .hasMessage("config key 'frontEnds[0].protocol': unknown protocol 'zvt' (supported: concert, ipp, nexo)");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: concert, terminal: t9}]"))
                .hasMessage("config key 'frontEnds[0].terminal': terminal 't9' is not defined under 'terminals'");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: concert, terminal: t2}]"))
                .hasMessageContaining("'frontEnds[0].terminal'").hasMessageContaining("belongs to no merchant");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: concert, terminal: t1, merchant: other}]"))
                .hasMessage("config key 'frontEnds[0].merchant': merchant 'other' does not have terminal 't1'");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: concert, terminal: t1, port: 8081}]"))
                .hasMessage("config key 'frontEnds[0].port': port 8081 is already taken by p3.tcpPort");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: concert, terminal: t1, slave: true}]"))
                .hasMessage("config key 'frontEnds[0].slave': applies to ipp front-ends only");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: nexo, terminal: t1, posListener: \"ftp://x\"}]"))
                .hasMessageContaining("'frontEnds[0].posListener'").hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: ipp, terminal: t1, quietInterval: 5ms}]"))
                .hasMessage("config key 'frontEnds[0].quietInterval': applies to concert front-ends only");
        assertThatThrownBy(() -> load(base + "frontEnds: [{protocol: concert, terminal: t1, quietInterval: 6s}]"))
                .hasMessage("config key 'frontEnds[0].quietInterval': must be at most 5000 ms, was 6s");
    }

    @Test
    void loginLockoutDefaultsToTenFailuresAndThirtyMinutes() throws IOException {
        GatewaySettings defaults = load("merchants: [{id: shop, secret: long-enough-secret}]\nterminals: [{id: t1}]\n");
        GatewaySettings configured = load("""
                p3: {loginFailuresBeforeLockout: 5, loginLockout: 30m}
                merchants: [{id: shop, secret: long-enough-secret}]
                terminals: [{id: t1}]
                """);

        assertThat(defaults.p3().loginThrottle().failuresBeforeLockout()).isEqualTo(10);
        assertThat(defaults.p3().loginThrottle().lockout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(configured.p3().loginThrottle().failuresBeforeLockout()).isEqualTo(5);
        assertThat(configured.p3().loginThrottle().lockout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(configured.withP3Ports(0, 0).p3().loginThrottle()).isEqualTo(configured.p3().loginThrottle());
    }

    @Test
    void loginLockoutProblemsAreNamed() {
        String rest = "merchants: [{id: shop, secret: long-enough-secret}]\nterminals: [{id: t1}]\n";
        assertThatThrownBy(() -> load("p3: {loginFailuresBeforeLockout: 11}\n" + rest)).hasMessage(
                "config key 'p3.loginFailuresBeforeLockout': must be between 1 and 10 (PCI DSS 8.3.4), was 11");
        assertThatThrownBy(() -> load("p3: {loginFailuresBeforeLockout: 0}\n" + rest))
                .hasMessageEndingWith("must be between 1 and 10 (PCI DSS 8.3.4), was 0");
        assertThatThrownBy(() -> load("p3: {loginLockout: 0s}\n" + rest))
                .hasMessage("config key 'p3.loginLockout': must be longer than zero");
        assertThatThrownBy(() -> load("p3: {loginLockout: forever}\n" + rest))
                .hasMessageStartingWith("config key 'p3.loginLockout': 'forever' is not a duration");
    }

    @Test
    void metricsAreOnUnlessTurnedOff() throws IOException {
        String rest = "merchants: [{id: shop, secret: long-enough-secret}]\nterminals: [{id: t1}]\n";

        assertThat(ConfigLoader.loadDefault().metrics().enabled()).isTrue();
        assertThat(load(rest).metrics().enabled()).isTrue();
        assertThat(load("metrics: {enabled: false}\n" + rest).metrics().enabled()).isFalse();
        assertThat(load("metrics: {enabled: false}\n" + rest).withP3Ports(0, 0).metrics().enabled())
                .as("kept by the test helpers").isFalse();
        assertThatThrownBy(() -> load("metrics: {enabled: maybe}\n" + rest))
                .hasMessageStartingWith("config key 'metrics.enabled': expected true or false");
    }

    @Test
    void healthProbesAndTheDrainTimeAreReadAndADrainTimeOfZeroStopsAtOnce() throws IOException {
        String rest = "merchants: [{id: shop, secret: long-enough-secret}]\nterminals: [{id: t1}]\n";
        GatewaySettings defaults = load(rest);
        GatewaySettings configured = load("gateway: {drainTime: 2m, health: {interval: 10s, timeout: 500ms}}\n"
                + rest);

        assertThat(defaults.health()).isEqualTo(TerminalMonitorSettings.defaults());
        assertThat(defaults.drainTime()).isEqualTo(GatewaySettings.DEFAULT_DRAIN_TIME);
        assertThat(configured.health()).isEqualTo(new TerminalMonitorSettings(Duration.ofSeconds(10),
                Duration.ofMillis(500)));
        assertThat(configured.drainTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(configured.withP3Ports(0, 0).withTransactionTimeout(Duration.ofSeconds(1)))
                .extracting(GatewaySettings::health, GatewaySettings::drainTime)
                .containsExactly(configured.health(), configured.drainTime());
        assertThat(load("gateway: {drainTime: 0}\n" + rest).drainTime()).isZero();
        assertThat(load("gateway: {drainTime: 0s}\n" + rest).drainTime()).isZero();
    }

    @Test
    void healthAndDrainTimeProblemsAreNamed() {
        String rest = "merchants: [{id: shop, secret: long-enough-secret}]\nterminals: [{id: t1}]\n";
        assertThatThrownBy(() -> load("gateway: {health: {interval: 10s, timeout: 10s}}\n" + rest)).hasMessage(
                "config key 'gateway.health.timeout': must be shorter than gateway.health.interval (10s), was 10s");
        assertThatThrownBy(() -> load("gateway: {health: {interval: 3s}}\n" + rest)).hasMessage(
                "config key 'gateway.health.timeout': must be shorter than gateway.health.interval (3s), was 5s");
        assertThatThrownBy(() -> load("gateway: {health: {interval: 0s}}\n" + rest))
                .hasMessage("config key 'gateway.health.interval': must be longer than zero");
        assertThatThrownBy(() -> load("gateway: {health: {timeout: often}}\n" + rest))
                .hasMessageStartingWith("config key 'gateway.health.timeout': 'often' is not a duration");
        assertThatThrownBy(() -> load("gateway: {health: {every: 5s}}\n" + rest))
                .hasMessageStartingWith("config key 'gateway.health.every': unknown key");
        assertThatThrownBy(() -> load("gateway: {drainTime: -5s}\n" + rest))
                .hasMessageStartingWith("config key 'gateway.drainTime': '-5s' is not a duration");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"))).hasMessageContaining("nope.yaml")
                .hasMessageContaining("does not exist");
    }

    private GatewaySettings load(String yaml) throws IOException {
        Path file = dir.resolve("tillgate.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }
}
