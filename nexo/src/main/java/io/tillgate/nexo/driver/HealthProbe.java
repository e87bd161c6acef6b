package io.tillgate.nexo.driver;

import static io.tillgate.nexo.driver.Diagnostics.condition;
import static io.tillgate.nexo.driver.Diagnostics.describe;
import static io.tillgate.nexo.driver.Diagnostics.unwrap;

import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.nexo.codec.DiagnosisResponse;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.internal.NexoTransportException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The driver's health check: a Diagnosis, which needs no login. The terminal is there when it
 * answers Success, or Failure for a reason that says it is busy or wants a login; any other answer
 * is unexpected.
 */
final class HealthProbe {

    /** Failures that still say the terminal is there and working. */
    private static final Set<ErrorCondition> PRESENT = EnumSet.of(ErrorCondition.BUSY, ErrorCondition.IN_PROGRESS,
            ErrorCondition.LOGGED_OUT, ErrorCondition.NOT_ALLOWED);

    private final NexoTerminalConfig config;
    private final NexoLink link;
    private final NexoRequests requests;

    HealthProbe(NexoTerminalConfig config, NexoLink link, NexoRequests requests) {
        this.config = config;
        this.link = link;
        this.requests = requests;
    }

    /** A caller that completes the returned future itself (its own deadline) drops the connection. */
    CompletableFuture<Void> send() {
        CompletableFuture<SaleToPOIResponse> exchange = link.exchange(requests.diagnosis(), config.requestTimeout());
        CompletableFuture<Void> verdict = exchange.handle((answer, failure) -> {
            if (failure != null) {
                throw probeFailed(failure);
            }
            Response response = answer.body(DiagnosisResponse.class).response();
            if (response.result() == Result.FAILURE && !PRESENT.contains(response.errorCondition())) {
                throw new TerminalProbeException(config.id(), TerminalProbeException.Failure.UNEXPECTED_ANSWER,
                        "Diagnosis answered " + condition(response));
            }
            return null;
        });
        verdict.whenComplete((v, failure) -> exchange.cancel(false));
        return verdict;
    }

    private TerminalProbeException probeFailed(Throwable failure) {
        Throwable cause = unwrap(failure);
        TerminalProbeException.Failure kind = !(cause instanceof NexoTransportException transport)
                ? TerminalProbeException.Failure.UNEXPECTED_ANSWER
                : transport.maybeDelivered() ? TerminalProbeException.Failure.NO_ANSWER
                        : TerminalProbeException.Failure.UNREACHABLE;
        return new TerminalProbeException(config.id(), kind, describe(cause));
    }
}
