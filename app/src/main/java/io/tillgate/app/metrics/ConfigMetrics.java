package io.tillgate.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * Which configuration the gateway runs: its generation (1 at start, one more per applied reload),
 * when it was loaded, and how many reloads were applied or refused.
 */
final class ConfigMetrics {

    static final String GENERATION = "tillgate.config.generation";
    static final String LOADED = "tillgate.config.loaded.timestamp.seconds";
    static final String RELOADS = "tillgate.config.reloads";

    private final Counter applied;
    private final Counter refused;
    private volatile double generation = 1;
    private volatile double loadedAt = Instant.now().getEpochSecond();

    ConfigMetrics(MeterRegistry registry) {
        Gauge.builder(GENERATION, this, m -> m.generation).strongReference(true)
                .description("The running configuration: 1 as started, one more per applied reload").register(registry);
        Gauge.builder(LOADED, this, m -> m.loadedAt).strongReference(true)
                .description("When the running configuration was loaded, in seconds since the epoch")
                .register(registry);
        applied = Counter.builder(RELOADS).tag("result", "applied")
                .description("Configuration reloads, applied or refused (the file was invalid)").register(registry);
        refused = Counter.builder(RELOADS).tag("result", "refused")
                .description("Configuration reloads, applied or refused (the file was invalid)").register(registry);
    }

    void loaded(long generationNumber, Instant when) {
        generation = generationNumber;
        loadedAt = when.getEpochSecond();
    }

    void reloaded(boolean wasApplied) {
        (wasApplied ? applied : refused).increment();
    }
}
