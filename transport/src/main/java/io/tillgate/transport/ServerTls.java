package io.tillgate.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.tillgate.tls.TlsFailure;
import io.tillgate.tls.TlsPolicy;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * A listener's TLS: its certificate chain and private key from PEM files, and, for mutual TLS, the
 * CA whose client certificates it requires.
 */
public final class ServerTls {

    private final SslContext context;
    private final boolean clientCertificates;

    private ServerTls(SslContext context, boolean clientCertificates) {
        this.context = context;
        this.clientCertificates = clientCertificates;
    }

    /**
     * @param certificateChain PEM, the server's certificate first
     * @param privateKey PEM, PKCS#8, not encrypted (keep the file {@code 0600})
     * @param clientCa PEM CA certificates whose client certificates are required, or {@code null}
     *     for server-only TLS
     * @throws IllegalArgumentException naming the file that is missing or unreadable as PEM
     */
    public static ServerTls fromPem(Path certificateChain, Path privateKey, Path clientCa) {
        TlsPolicy.requireReadable(certificateChain, "certificate");
        TlsPolicy.requireReadable(privateKey, "private key");
        if (clientCa != null) {
            TlsPolicy.requireReadable(clientCa, "client CA");
        }
        try {
            SslContextBuilder builder = TlsPolicy.apply(SslContextBuilder.forServer(certificateChain.toFile(),
                    privateKey.toFile()));
            if (clientCa != null) {
                builder.trustManager(clientCa.toFile()).clientAuth(ClientAuth.REQUIRE);
            }
            return new ServerTls(builder.build(), clientCa != null);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS certificate " + certificateChain + " or key " + privateKey
                    + (clientCa == null ? "" : " or client CA " + clientCa) + " cannot be used: "
                    + TlsFailure.reason(e), e);
        }
    }

    /** Whether connections must present a certificate of the client CA. */
    public boolean requiresClientCertificate() {
        return clientCertificates;
    }

    SslHandler newHandler(ByteBufAllocator allocator) {
        return context.newHandler(allocator);
    }
}
