package io.tillgate.ipp.driver.internal;

import java.util.HexFormat;
import java.util.List;

/**
 * Where slave-mode host traffic goes (docs/protocols/ipp.md §9): IP and PORT, and the CHAIN whose certificates
 * anchor TLS; plain TCP when the chain is empty.
 */
record HostEndpoint(String host, int port, List<byte[]> chain) {

    HostEndpoint {
        chain = List.copyOf(chain);
    }

    boolean tls() {
        return !chain.isEmpty();
    }

    boolean sameAs(HostEndpoint other) {
        return other != null && host.equals(other.host) && port == other.port && chainKey().equals(other.chainKey());
    }

    private String chainKey() {
        StringBuilder key = new StringBuilder();
        chain.forEach(fingerprint -> key.append(HexFormat.of().formatHex(fingerprint)).append(';'));
        return key.toString();
    }

    @Override
    public String toString() {
        return host + ":" + port + (tls() ? " (TLS, " + chain.size() + " certificates)" : "");
    }
}
