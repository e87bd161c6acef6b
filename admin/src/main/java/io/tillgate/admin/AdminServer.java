package io.tillgate.admin;

import io.tillgate.admin.api.AccessGate;
import io.tillgate.admin.api.AdminApi;
import io.tillgate.admin.api.EventStream;
import io.tillgate.admin.api.HealthApi;
import io.tillgate.admin.api.SessionApi;
import io.tillgate.admin.api.TransactionsApi;
import io.tillgate.admin.auth.Authenticator;
import io.tillgate.admin.auth.Sessions;
import io.tillgate.admin.http.AdminPipeline;
import io.tillgate.admin.http.SecurityHeaders;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.FrontEndListener;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener: health, metrics, the JSON API, the live event stream and the web console, on
 * its own port of the gateway's shared transport. What blocks (journal reads, bcrypt) runs on a small
 * executor of its own, so an operator's search never holds up a payment's event loop.
 */
public final class AdminServer implements FrontEnd {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    /** Operators' requests are few; two threads keep a slow search from blocking a health check. */
    private static final int BLOCKING_THREADS = 2;
    private static final int BLOCKING_QUEUE = 256;

    private final AdminSettings settings;
    private final AdminServices services;
    private final ServerTransport transport;
    private final ThreadPoolExecutor blocking;
    private final ScheduledExecutorService keepAlive;
    private final EventStream events;
    private final AdminPipeline pipeline;
    private FrontEndListener listener;

    /**
     * @param webSocketSources where the console may open WebSockets (the P3 listener), for its CSP
     */
    public AdminServer(AdminSettings settings, AdminServices services, ServerTransport transport,
            String webSocketSources, Clock clock) {
        this.settings = settings;
        this.services = services;
        this.transport = transport;
        this.blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(BLOCKING_QUEUE), daemonThreads("admin-blocking"));
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(daemonThreads("admin-events"));
        SecurityHeaders security = new SecurityHeaders(webSocketSources);
        this.events = new EventStream(security, keepAlive);
        Sessions sessions = new Sessions(settings.sessionIdleTimeout(), clock);
        Authenticator authenticator = new Authenticator(settings.accounts(), settings.tokens(), settings.lockout(),
                blocking, clock, services.signIns());
        AdminApi api = new AdminApi(services, new AccessGate(authenticator, sessions),
                new SessionApi(authenticator, sessions),
                new TransactionsApi(services.journal(), services.receipts(), blocking, clock),
                new HealthApi(services.readiness(), services.terminals()), events, blocking);
        this.pipeline = new AdminPipeline(api, security);
    }

    @Override
    public void open() {
        services.journal().subscribe(events);
        services.terminals().subscribe(events::terminal);
        listener = FrontEndListener.start(transport, "admin",
                settings.guards().listener("admin", settings.host(), settings.port(), pipeline));
        InetSocketAddress address = listener.address();
        LOG.info("Admin console and API on {}://{}:{}/ ({} account(s), {} API token(s))",
                settings.guards().tls() == null ? "http" : "https", address.getHostString(), address.getPort(),
                settings.accounts().size(), settings.tokens().size());
    }

    /** Whether it speaks HTTPS. */
    public boolean tls() {
        return settings.guards().tls() != null;
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return listener == null ? List.of() : List.of(listener.address());
    }

    @Override
    public void close() {
        services.journal().unsubscribe(events);
        if (listener != null) {
            listener.close();
        }
        events.close();
        keepAlive.shutdownNow();
        blocking.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
