package io.tillgate.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.tillgate.admin.health.ReadinessCheck;
import io.tillgate.admin.http.AdminResponse;
import io.tillgate.admin.terminal.TerminalBoard;
import io.tillgate.admin.terminal.TerminalView;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live} and {@code /health/ready}, for systemd, a load balancer or Kubernetes. Ready
 * means the gateway can take payments: its journal takes writes and its listeners are bound. Each
 * terminal's reachability is reported too, but an offline terminal does not make the gateway unready:
 * the other terminals still take payments.
 */
public final class HealthApi {

    private static final Logger LOG = LoggerFactory.getLogger(HealthApi.class);

    private final List<ReadinessCheck> checks;
    private final TerminalBoard terminals;

    public HealthApi(List<ReadinessCheck> checks, TerminalBoard terminals) {
        this.checks = List.copyOf(checks);
        this.terminals = terminals;
    }

    AdminResponse live() {
        return AdminResponse.ok(JsonViews.MAPPER.createObjectNode().put("status", "UP"));
    }

    /** Runs every check; may block briefly (the journal), so it runs on the blocking executor. */
    AdminResponse ready() {
        ObjectNode body = JsonViews.MAPPER.createObjectNode();
        ObjectNode results = JsonViews.MAPPER.createObjectNode();
        boolean up = true;
        for (ReadinessCheck check : checks) {
            ReadinessCheck.Result result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                LOG.warn("Readiness check {} failed", check.name(), e);
                result = ReadinessCheck.Result.down(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            up &= result.up();
            results.putObject(check.name()).put("status", result.up() ? "UP" : "DOWN").put("detail", result.detail());
        }
        ObjectNode byTerminal = results.putObject("terminals");
        for (TerminalView terminal : terminals.terminals()) {
            byTerminal.putObject(terminal.id()).put("status", terminalStatus(terminal))
                    .put("state", terminal.state().name()).put("lastSeen", JsonViews.time(terminal.lastSeen()))
                    .put("lastFailure", terminal.lastFailure());
        }
        body.put("status", up ? "UP" : "DOWN");
        body.set("checks", results);
        return AdminResponse.json(up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body);
    }

    private static String terminalStatus(TerminalView terminal) {
        return switch (terminal.state()) {
            case IDLE, BUSY -> "UP";
            case OFFLINE -> "DOWN";
            case UNKNOWN -> "UNKNOWN";
        };
    }
}
