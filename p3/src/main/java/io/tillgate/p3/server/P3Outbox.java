package io.tillgate.p3.server;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.tillgate.p3.codec.P3Message;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one connection's outgoing messages go, from any thread, without ever blocking or throwing:
 * a POS that has gone away simply stops receiving.
 *
 * <p>Two ways to send, because order matters in P3: {@link #reply} writes a request's own response
 * at once, while {@link #publish} queues transaction progress behind whatever the event loop is
 * doing. So when an abort settles a transaction synchronously, the ABORT_TRANSACTION_RESPONSE still
 * goes out before the EXECUTE_TRANSACTION_RESPONSE it caused (docs/protocols/p3.md §6, abort flow), and progress
 * reported from different gateway threads keeps the order it was reported in.
 */
final class P3Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(P3Outbox.class);

    private final Channel channel;

    P3Outbox(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** The event loop this connection runs on. */
    Executor eventLoop() {
        return channel.eventLoop();
    }

    /** The connection's remote end for log lines, made only when a line is written. */
    Object peer() {
        return channel.remoteAddress();
    }

    /** The address the connection comes from, without the port: what failed logins are counted by. */
    String sourceAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
    }

    /**
     * The common name of the client certificate the connection presented under mutual TLS, or
     * empty: no TLS, no client certificate required, or none with a common name.
     */
    Optional<String> clientCertificateName() {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = tls.engine().getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
                return Optional.empty();
            }
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException | InvalidNameException noCertificate) {
            return Optional.empty();
        }
    }

    /** Writes a response now (or as the next event-loop task when called from another thread). */
    void reply(P3Message message) {
        channel.writeAndFlush(message).addListener(written -> {
            if (!written.isSuccess() && channel.isActive()) {
                LOG.warn("P3 {} could not be sent {} (tag {}); closing the connection", channel.remoteAddress(),
                        message.type(), message.tag(), written.cause());
                channel.close();
            }
        });
    }

    /** Writes transaction progress after everything the event loop has already been given. */
    void publish(P3Message message) {
        try {
            channel.eventLoop().execute(() -> reply(message));
        } catch (RejectedExecutionException shuttingDown) {
            // the server is closing; the POS recovers the result with QUERY_TRANSACTION
        }
    }

    /** Closes the connection after everything already published. */
    void closeAfterPublished() {
        try {
            channel.eventLoop().execute(channel::close);
        } catch (RejectedExecutionException shuttingDown) {
            // the event loop is stopping and closes the channel itself
        }
    }
}
