package io.tillgate.ipp.frontend.internal;

import io.tillgate.ipp.codec.IppCodec;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The emulated host's certificates as slave mode names them: by SHA-1 fingerprint. */
final class Certificates {

    private Certificates() {
    }

    static byte[] chain(List<X509Certificate> certificates) {
        return IppCodec.chain(certificates.stream().map(c -> IppCodec.fingerprint(der(c))).toList());
    }

    static Optional<byte[]> derByFingerprint(List<X509Certificate> certificates, byte[] fingerprint) {
        return certificates.stream().map(Certificates::der)
                .filter(der -> Arrays.equals(IppCodec.fingerprint(der), fingerprint)).findFirst();
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate " + certificate.getSubjectX500Principal()
                    + " cannot be encoded", e);
        }
    }
}
