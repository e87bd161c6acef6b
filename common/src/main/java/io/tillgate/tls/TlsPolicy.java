package io.tillgate.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The TLS every Tillgate endpoint speaks, server or client: TLS 1.3 and 1.2 only, forward-secret
 * AEAD suites only, through OpenSSL (BoringSSL from netty-tcnative) when it is on the class path,
 * the JDK's provider otherwise.
 */
public final class TlsPolicy {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** TLS 1.3 suites, then TLS 1.2 ECDHE with AES-GCM or ChaCha20-Poly1305: no CBC, no RSA key exchange. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {
    }

    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** The protocols, suites and provider above, on a client or server builder. */
    public static SslContextBuilder apply(SslContextBuilder builder) {
        return builder.sslProvider(provider())
                .protocols(PROTOCOLS)
                .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE);
    }

    /** Fails, naming {@code what} and the file, when a PEM file is missing or unreadable. */
    public static void requireReadable(Path file, String what) {
        Objects.requireNonNull(file, what);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("TLS " + what + " file " + file + " is missing or unreadable");
        }
    }
}
