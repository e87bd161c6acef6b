package io.tillgate.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for development and tests, like mkcert: a CA of its own (EC P-256) that
 * signs a server certificate for the names and addresses a gateway is reached by, and client
 * certificates for mutual TLS. Everything is written as PEM; private keys as unencrypted PKCS#8
 * files readable by their owner only. Not for production: a production gateway uses certificates
 * from the shop's own CA.
 */
public final class LocalCa {

    public static final String CA_CERTIFICATE = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final String SERVER_CERTIFICATE = "server.pem";
    public static final String SERVER_KEY = "server-key.pem";

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(825);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    private LocalCa(Path directory, X509Certificate caCertificate, PrivateKey caKey) {
        this.directory = directory;
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /**
     * Creates a new CA in {@code directory} ({@value #CA_CERTIFICATE}, {@value #CA_KEY}).
     *
     * @throws IllegalStateException if the directory already holds a CA, so one is never replaced
     *     by accident (clients trusting it would stop trusting the gateway)
     */
    public static LocalCa create(Path directory, String name) throws IOException {
        if (Files.exists(directory.resolve(CA_CERTIFICATE))) {
            throw new IllegalStateException(directory.resolve(CA_CERTIFICATE) + " exists already");
        }
        Files.createDirectories(directory);
        KeyPair keys = newKeyPair();
        X500Name subject = new X500Name("CN=" + name + ",O=Tillgate development CA");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(CA_VALIDITY)), subject,
                keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            writeCertificates(directory.resolve(CA_CERTIFICATE), List.of(certificate));
            writeKey(directory.resolve(CA_KEY), keys.getPrivate());
            return new LocalCa(directory, certificate, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a CA: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the CA that {@link #create} made in {@code directory}, to issue more certificates.
     *
     * @throws IOException naming the file that is missing or not the PEM this class writes
     */
    public static LocalCa open(Path directory) throws IOException {
        Path certificateFile = directory.resolve(CA_CERTIFICATE);
        Path keyFile = directory.resolve(CA_KEY);
        try (InputStream in = Files.newInputStream(certificateFile);
                PEMParser keyPem = new PEMParser(Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII))) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            Object key = keyPem.readObject();
            if (!(key instanceof PrivateKeyInfo info)) {
                throw new IOException(keyFile + " holds no PKCS#8 private key");
            }
            return new LocalCa(directory, certificate, new JcaPEMKeyConverter().getPrivateKey(info));
        } catch (CertificateException e) {
            throw new IOException(certificateFile + " holds no X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The CA certificate's file: what clients must trust. */
    public Path caCertificate() {
        return directory.resolve(CA_CERTIFICATE);
    }

    /**
     * Issues a server certificate for {@code names} (host names and IP addresses) into
     * {@value #SERVER_CERTIFICATE} (the certificate then the CA's) and {@value #SERVER_KEY}.
     */
    public void issueServer(List<String> names) throws IOException {
        issue(names.get(0), names, KeyPurposeId.id_kp_serverAuth, directory.resolve(SERVER_CERTIFICATE),
                directory.resolve(SERVER_KEY));
    }

    /**
     * Issues a client certificate with common name {@code name} into {@code client-<name>.pem} and
     * {@code client-<name>-key.pem}; returns the certificate's file.
     */
    public Path issueClient(String name) throws IOException {
        String file = "client-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path certificate = directory.resolve(file + ".pem");
        issue(name, List.of(), KeyPurposeId.id_kp_clientAuth, certificate, directory.resolve(file + "-key.pem"));
        return certificate;
    }

    private void issue(String commonName, List<String> names, KeyPurposeId purpose, Path certificateFile,
            Path keyFile) throws IOException {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(LEAF_VALIDITY)),
                new X500Name("CN=" + commonName), keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(caCertificate));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            }
            X509Certificate certificate = sign(builder, caKey);
            writeCertificates(certificateFile, List.of(certificate, caCertificate));
            writeKey(keyFile, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    private static GeneralNames alternativeNames(List<String> names) throws CertIOException {
        List<GeneralName> general = new ArrayList<>();
        for (String name : names) {
            boolean address = name.chars().allMatch(c -> Character.isDigit(c) || c == '.') || name.contains(":");
            general.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName,
                    address ? addressOf(name) : name.toLowerCase(Locale.ROOT)));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }

    private static String addressOf(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make EC P-256 keys", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

    private static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                pem.writeObject(certificate);
            }
        }
    }

    /** Created owner-only before the key is written, so it is never readable by others, even briefly. */
    private static void writeKey(Path file, PrivateKey key) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
    }
}
