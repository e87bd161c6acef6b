package io.tillgate.ipp.driver.internal;

import io.tillgate.ipp.codec.IppCodec;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host certificates fetched with GET_CERTIFICATE, by SHA-1 fingerprint (docs/protocols/ipp.md §10), for the
 * driver's life. A terminal names a handful; the cache holds the {@value #CAPACITY} most recently
 * used, so a terminal naming ever new ones cannot grow it without bound.
 */
public final class CertificateCache {

    static final int CAPACITY = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, X509Certificate> byFingerprint;

    public CertificateCache() {
        this(CAPACITY);
    }

    CertificateCache(int capacity) {
        // Access order: the certificates of the chain in use stay, the ones no chain names any more go.
        byFingerprint = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
                return size() > capacity;
            }
        });
    }

    public boolean has(byte[] fingerprint) {
        return byFingerprint.containsKey(HEX.formatHex(fingerprint));
    }

    /**
     * Caches a certificate the terminal sent for {@code fingerprint}.
     *
     * @throws IllegalArgumentException if it is not DER X.509 or its SHA-1 is not the fingerprint
     */
    public X509Certificate put(byte[] fingerprint, byte[] der) {
        if (!java.util.Arrays.equals(IppCodec.fingerprint(der), fingerprint)) {
            throw new IllegalArgumentException("CERT does not match FINGERPRINT " + HEX.formatHex(fingerprint));
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            byFingerprint.put(HEX.formatHex(fingerprint), certificate);
            return certificate;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("CERT for FINGERPRINT " + HEX.formatHex(fingerprint)
                    + " is not an X.509 certificate: " + e.getMessage());
        }
    }

    /** The certificates of a CHAIN, or empty when one of them has not been fetched. */
    public Optional<List<X509Certificate>> resolve(List<byte[]> fingerprints) {
        List<X509Certificate> out = new java.util.ArrayList<>(fingerprints.size());
        for (byte[] fingerprint : fingerprints) {
            X509Certificate certificate = byFingerprint.get(HEX.formatHex(fingerprint));
            if (certificate == null) {
                return Optional.empty();
            }
            out.add(certificate);
        }
        return Optional.of(out);
    }
}
