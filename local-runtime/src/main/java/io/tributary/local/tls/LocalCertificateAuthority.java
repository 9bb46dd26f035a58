package io.tributary.local.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
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

import io.tributary.local.LocalRuntimeException;

/**
 * A certificate authority made on this machine for the local platform's TLS listener, as Strimzi's
 * cluster CA is for a cluster: made once ({@code ca.crt} and its owner-only {@code ca.key}), kept
 * across restarts so clients keep trusting it, and used to sign the broker's certificate for
 * {@code localhost} and {@code 127.0.0.1}. Keys are EC P-256.
 */
public final class LocalCertificateAuthority {
    public static final String CA_CERTIFICATE = "ca.crt";
    static final String CA_KEY = "ca.key";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Short, like a cert-manager leaf: the broker's certificate is issued again at every start. */
    private static final Duration SERVER_VALIDITY = Duration.ofDays(90);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final X509Certificate certificate;
    private final PrivateKey key;

    private LocalCertificateAuthority(Path dir, X509Certificate certificate, PrivateKey key) {
        this.dir = dir;
        this.certificate = certificate;
        this.key = key;
    }

    /** The CA kept in {@code dir}, made there (owner-only folder) when it has none yet. */
    public static LocalCertificateAuthority loadOrCreate(Path dir) {
        Path cert = dir.resolve(CA_CERTIFICATE);
        Path key = dir.resolve(CA_KEY);
        try {
            if (Files.exists(cert) || Files.exists(key)) {
                return load(dir, cert, key);
            }
            createOwnerOnlyFolder(dir);
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=Tributary local CA " + HexFormat.of().formatHex(randomBytes(4)) + ",O=Tributary");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(CA_VALIDITY)), name, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate caCert = sign(builder, keys.getPrivate());
            // PKCS#8 ("BEGIN PRIVATE KEY"), the form other tools (openssl, Kafka's PEM stores) read as they are.
            writeOwnerOnly(key, pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
            Files.writeString(cert, pem(caCert), StandardCharsets.US_ASCII);
            return new LocalCertificateAuthority(dir, caCert, keys.getPrivate());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new LocalRuntimeException("Cannot create the local certificate authority in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static LocalCertificateAuthority load(Path dir, Path cert, Path key) throws IOException, GeneralSecurityException {
        if (!Files.exists(cert) || !Files.exists(key)) {
            throw new LocalRuntimeException("The local certificate authority in " + dir + " is incomplete: " + CA_CERTIFICATE + " and "
                    + CA_KEY + " must both be there (delete what is left to make a new CA; clients must then trust the new "
                    + CA_CERTIFICATE + ")");
        }
        X509Certificate caCert = readCertificate(cert);
        PrivateKey caKey = readKey(key);
        try {
            caCert.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new LocalRuntimeException("The local certificate authority " + cert + " is not valid now (" + e.getMessage()
                    + "); delete " + dir + " to make a new one", e);
        }
        return new LocalCertificateAuthority(dir, caCert, caKey);
    }

    /** The CA's certificate (PEM): what clients trust, e.g. {@code ssl.truststore.location} with type PEM. */
    public Path certificateFile() {
        return dir.resolve(CA_CERTIFICATE);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a server certificate for {@code hostNames} (DNS names or IP addresses), signed by this CA,
     * and writes it with its new key to an owner-only PKCS#12 key store protected by a new random
     * password.
     */
    public BrokerTls issueServerKeyStore(Path keyStore, List<String> hostNames) {
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one host name");
        }
        try {
            KeyPair keys = newKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + hostNames.get(0) + ",O=Tributary");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(SERVER_VALIDITY)), subject, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(hostNames));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            X509Certificate serverCert = sign(builder, key);

            String password = HexFormat.of().formatHex(randomBytes(24));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", keys.getPrivate(), password.toCharArray(), new Certificate[] {serverCert, certificate});
            createOwnerOnlyFolder(keyStore.toAbsolutePath().getParent());
            Files.deleteIfExists(keyStore);
            Files.createFile(keyStore, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(keyStore)) {
                store.store(out, password.toCharArray());
            }
            return new BrokerTls(keyStore, password, certificateFile());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new LocalRuntimeException("Cannot issue a server certificate for " + hostNames + " into " + keyStore + ": "
                    + e.getMessage(), e);
        }
    }

    private static GeneralNames subjectAlternativeNames(List<String> hostNames) {
        List<GeneralName> names = new ArrayList<>();
        for (String host : hostNames) {
            boolean ip = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner contentSigner = new JcaContentSignerBuilder(SIGNATURE).build(signer);
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static BigInteger serial() {
        return new BigInteger(1, randomBytes(16));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new LocalRuntimeException(file + " does not hold a PEM certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            Object object = parser.readObject();
            if (!(object instanceof PrivateKeyInfo info)) {
                throw new LocalRuntimeException(file + " does not hold an unencrypted PEM private key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        }
    }

    private static void createOwnerOnlyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(text);
        }
    }
}
