package io.tillgate.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tillgate.p3.server.LoginObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Failed logins and lock-outs, by the listener that refused them. */
final class LoginMetrics {

    static final String FAILED = "tillgate.logins.failed";
    static final String LOCKOUTS = "tillgate.logins.lockouts";

    private final MeterRegistry registry;
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();
    private final Map<String, Counter> lockouts = new ConcurrentHashMap<>();

    LoginMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void failed(String listener) {
        failed.computeIfAbsent(listener, this::failedCounter).increment();
    }

    void lockedOut(String listener) {
        lockouts.computeIfAbsent(listener, this::lockoutCounter).increment();
    }

    /** The observer of one listener's logins; its counters show zero from now on rather than appear later. */
    LoginObserver observer(String listener) {
        failed.computeIfAbsent(listener, this::failedCounter);
        lockouts.computeIfAbsent(listener, this::lockoutCounter);
        return new LoginObserver() {
            @Override
            public void failed() {
                LoginMetrics.this.failed(listener);
            }

            @Override
            public void lockedOut() {
                LoginMetrics.this.lockedOut(listener);
            }
        };
    }

    private Counter failedCounter(String listener) {
        return Counter.builder(FAILED).tag("listener", listener)
                .description("Logins refused for wrong credentials").register(registry);
    }

    private Counter lockoutCounter(String listener) {
        return Counter.builder(LOCKOUTS).tag("listener", listener)
                .description("Lock-outs after repeated failed logins").register(registry);
    }
}
