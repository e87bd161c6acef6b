package io.tillgate.ipp.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.ipp.TestCertificates;
import io.tillgate.ipp.codec.IppCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateCacheTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheMostRecentlyUsedCertificatesUpToItsCapacity() throws Exception {
        byte[][] der = new byte[3][];
        byte[][] fingerprint = new byte[3][];
        for (int i = 0; i < 3; i++) {
            der[i] = TestCertificates.generate(Files.createDirectory(dir.resolve("host" + i))).certificate()
                    .getEncoded();
            fingerprint[i] = IppCodec.fingerprint(der[i]);
        }
        CertificateCache cache = new CertificateCache(2);
        cache.put(fingerprint[0], der[0]);
        cache.put(fingerprint[1], der[1]);
        assertThat(cache.resolve(List.of(fingerprint[0]))).isPresent(); // 0 used last, 1 is now the eldest

        cache.put(fingerprint[2], der[2]);

        assertThat(cache.has(fingerprint[0])).isTrue();
        assertThat(cache.has(fingerprint[1])).isFalse();
        assertThat(cache.resolve(List.of(fingerprint[2], fingerprint[0]))).hasValueSatisfying(chain ->
                assertThat(chain).hasSize(2));
    }

    @Test
    void refusesACertificateThatIsNotTheFingerprintsOrNotX509() throws Exception {
        byte[] der = TestCertificates.generate(dir).certificate().getEncoded();
        CertificateCache cache = new CertificateCache();
        assertThatThrownBy(() -> cache.put(new byte[20], der)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match FINGERPRINT");
        byte[] junk = {1, 2, 3};
        assertThatThrownBy(() -> cache.put(IppCodec.fingerprint(junk), junk))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an X.509 certificate");
    }
}
