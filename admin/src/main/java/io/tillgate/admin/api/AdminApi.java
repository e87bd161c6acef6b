package io.tillgate.admin.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.tillgate.admin.AdminServices;
import io.tillgate.admin.auth.Role;
import io.tillgate.admin.http.AdminRequest;
import io.tillgate.admin.http.AdminResponse;
import io.tillgate.admin.http.AdminRouter;
import io.tillgate.admin.http.StaticFiles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin listener's routes (docs/admin-api.yaml). Health is open to all; everything else needs
 * a signed-in account or a token ({@link AccessGate}); resolving needs the operator role. Work that
 * reads the journal or checks a password runs on the blocking executor, never on the event loop.
 */
public final class AdminApi implements AdminRouter {

    private static final Pattern TRANSACTION = Pattern.compile("/api/transactions/([0-9a-f]{32})");
    private static final Pattern RESOLVE = Pattern.compile("/api/transactions/([0-9a-f]{32})/resolve");
    private static final String CONSOLE_ROOT = "io/tillgate/admin/console";

    private final AdminServices services;
    private final AccessGate gate;
    private final SessionApi sessions;
    private final TransactionsApi transactions;
    private final HealthApi health;
    private final EventStream events;
    private final StaticFiles console = new StaticFiles(CONSOLE_ROOT);
    private final Executor blocking;

    public AdminApi(AdminServices services, AccessGate gate, SessionApi sessions, TransactionsApi transactions,
            HealthApi health, EventStream events, Executor blocking) {
        this.services = services;
        this.gate = gate;
        this.sessions = sessions;
        this.transactions = transactions;
        this.health = health;
        this.events = events;
        this.blocking = blocking;
    }

    @Override
    public CompletableFuture<AdminResponse> route(AdminRequest request, ChannelHandlerContext ctx) {
        String path = request.path();
        HttpMethod method = request.method();
        if (path.equals("/health/live")) {
            return get(request, () -> CompletableFuture.completedFuture(health.live()));
        }
        if (path.equals("/health/ready")) {
            return get(request, () -> offLoop(health::ready));
        }
        if (path.equals("/") || path.equals("/index.html")) {
            return get(request, () -> offLoop(() -> console.file("index.html").orElseGet(AdminApi::notFound)));
        }
        if (path.startsWith("/console/")) {
            String file = path.substring("/console/".length());
            return get(request, () -> offLoop(() -> console.file(file).orElseGet(AdminApi::notFound)));
        }
        if (path.equals("/api/session")) {
            if (method.equals(HttpMethod.POST)) {
                return sessions.signIn(request);
            }
            if (method.equals(HttpMethod.DELETE)) {
                return gate.allow(request, Role.VIEWER, principal -> completed(sessions.signOut(request)));
            }
            return get(request, () -> gate.allow(request, Role.VIEWER,
                    principal -> completed(sessions.who(principal))));
        }
        if (path.equals("/metrics")) {
            return get(request, () -> gate.allow(request, Role.VIEWER, principal -> completed(metrics())));
        }
        if (path.equals("/api/gateway")) {
            return get(request, () -> gate.allow(request, Role.VIEWER,
                    principal -> completed(GatewayApi.describe(services.info(), principal, request))));
        }
        if (path.equals("/api/terminals")) {
            return get(request, () -> gate.allow(request, Role.VIEWER,
                    principal -> completed(GatewayApi.terminals(services.terminals()))));
        }
        if (path.equals("/api/events")) {
            return get(request, () -> gate.allow(request, Role.VIEWER, principal -> {
                events.open(ctx);
                return completed(null);
            }));
        }
        if (path.equals("/api/transactions")) {
            return get(request, () -> gate.allow(request, Role.VIEWER, principal -> offLoop(
                    () -> transactions.list(request))));
        }
        if (path.equals("/api/transactions/export")) {
            return get(request, () -> gate.allow(request, Role.VIEWER, principal -> offLoop(
                    () -> transactions.export(request))));
        }
        Matcher resolve = RESOLVE.matcher(path);
        if (resolve.matches()) {
            if (!method.equals(HttpMethod.POST)) {
                return completed(notAllowed("POST"));
            }
            return gate.allow(request, Role.OPERATOR, principal -> transactions.resolve(resolve.group(1), request,
                    principal));
        }
        Matcher one = TRANSACTION.matcher(path);
        if (one.matches()) {
            return get(request, () -> gate.allow(request, Role.VIEWER, principal -> offLoop(
                    () -> transactions.detail(one.group(1)))));
        }
        return completed(notFound());
    }

    private AdminResponse metrics() {
        if (services.metrics() == null) {
            return AdminResponse.error(HttpResponseStatus.NOT_FOUND, "metrics are off (metrics.enabled: false)");
        }
        return AdminResponse.text(HttpResponseStatus.OK, services.metrics().contentType(), services.metrics().scrape());
    }

    private CompletableFuture<AdminResponse> get(AdminRequest request, Supplier<CompletableFuture<AdminResponse>> get) {
        if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            return completed(notAllowed("GET"));
        }
        return get.get();
    }

    /** Runs {@code work} on the blocking executor; a full executor answers 503 rather than queueing without end. */
    private CompletableFuture<AdminResponse> offLoop(Supplier<AdminResponse> work) {
        try {
            return CompletableFuture.supplyAsync(work, blocking);
        } catch (RejectedExecutionException e) {
            return completed(AdminResponse.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "the admin listener is busy; try again in a moment").withHeader("Retry-After", "1"));
        }
    }

    static CompletableFuture<AdminResponse> completed(AdminResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    static AdminResponse notFound() {
        return AdminResponse.error(HttpResponseStatus.NOT_FOUND, "no such page or resource");
    }

    private static AdminResponse notAllowed(String allowed) {
        return AdminResponse.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "use " + allowed)
                .withHeader(HttpHeaderNames.ALLOW.toString(), allowed);
    }
}
