package io.tillgate.app.admin;

import io.tillgate.admin.health.ReadinessCheck;
import io.tillgate.core.service.PaymentService;

/**
 * {@code payments}: the gateway takes new transactions. During a graceful stop it does not, though its
 * listeners stay open for the running ones' answers: a load balancer must send the tills elsewhere.
 */
final class AdmissionReadiness implements ReadinessCheck {

    private final PaymentService payments;

    AdmissionReadiness(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public Result check() {
        return payments.admitting() ? Result.up("taking new transactions")
                : Result.down("stopping: new transactions are refused while running ones finish");
    }
}
