package io.tillgate.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * TLS for Tillgate's clients (PayClient, the nexo driver): the server's certificate must chain to
 * the CA given — the system's trusted CAs, or one pinned PEM file (a private CA, or the server's
 * own self-signed certificate) — and name the host connected to. Optionally a client certificate
 * for mutual TLS.
 */
public final class ClientTls {

    private final SslContext context;
    /** The files it was built from ({@code null} for the system's CAs, no client certificate). */
    private final List<Path> sources;

    private ClientTls(SslContext context, List<Path> sources) {
        this.context = context;
        this.sources = sources;
    }

    /** Trusts the JDK's default CAs. */
    public static ClientTls systemTrust() {
        return build(SslContextBuilder.forClient(), null, null, null);
    }

    /**
     * Trusts only the CA certificates in {@code caPem}.
     *
     * @throws IllegalArgumentException naming the file when it is missing or unreadable
     */
    public static ClientTls trusting(Path caPem) {
        TlsPolicy.requireReadable(caPem, "CA");
        return build(SslContextBuilder.forClient(), caPem, null, null);
    }

    /** This trust, presenting {@code certificate} (PEM chain) with {@code key} (PEM PKCS#8) to the server. */
    public static ClientTls trusting(Path caPem, Path certificate, Path key) {
        if (caPem != null) {
            TlsPolicy.requireReadable(caPem, "CA");
        }
        TlsPolicy.requireReadable(certificate, "client certificate");
        TlsPolicy.requireReadable(key, "client key");
        return build(SslContextBuilder.forClient(), caPem, certificate, key);
    }

    private static ClientTls build(SslContextBuilder builder, Path caPem, Path certificate, Path key) {
        try {
            TlsPolicy.apply(builder).endpointIdentificationAlgorithm("HTTPS");
            if (caPem != null) {
                builder.trustManager(caPem.toFile());
            }
            if (certificate != null) {
                builder.keyManager(certificate.toFile(), key.toFile());
            }
            return new ClientTls(builder.build(), Arrays.asList(caPem, certificate, key));
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS client settings cannot be used: " + TlsFailure.reason(e), e);
        }
    }

    /** Built from the same files: what a configuration reload compares (it does not read them again). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClientTls tls && sources.equals(tls.sources);
    }

    @Override
    public int hashCode() {
        return sources.hashCode();
    }

    /** A handler for a connection to {@code host}: checks that the certificate names it. */
    public SslHandler newHandler(ByteBufAllocator allocator, String host, int port) {
        return context.newHandler(allocator, host, port);
    }
}
