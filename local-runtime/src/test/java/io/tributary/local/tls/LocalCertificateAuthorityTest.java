package io.tributary.local.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.LocalRuntimeException;

class LocalCertificateAuthorityTest {
    @TempDir
    Path dir;

    @Test
    void theCaIsMadeOnceWithAnOwnerOnlyKeyAndKeptAcrossLoads() throws Exception {
        Path caDir = dir.resolve("tls");
        LocalCertificateAuthority first = LocalCertificateAuthority.loadOrCreate(caDir);
        LocalCertificateAuthority again = LocalCertificateAuthority.loadOrCreate(caDir);

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(first.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caDir.resolve(LocalCertificateAuthority.CA_KEY))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caDir))).isEqualTo("rwx------");
        assertThat(Files.readString(first.certificateFile())).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void theServerCertificateNamesTheHostsAndIsTrustedThroughTheCaAlone() throws Exception {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("tls"));
        BrokerTls tls = ca.issueServerKeyStore(dir.resolve("tls/broker.p12"), List.of("localhost", "127.0.0.1"));

        String password = tls.brokerSettings().get("ssl.keystore.password");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            store.load(in, password.toCharArray());
        }
        X509Certificate server = (X509Certificate) store.getCertificateChain("server")[0];
        assertThat(store.getCertificateChain("server")).hasSize(2);
        assertThat(server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                .containsExactly("localhost", "127.0.0.1");
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(store.getKey("server", password.toCharArray())).isNotNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.keyStore()))).isEqualTo("rw-------");

        X509Certificate[] chain = Arrays.stream(store.getCertificateChain("server")).map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        trustManagerFor(ca.certificate()).checkServerTrusted(chain, "ECDHE_ECDSA");

        LocalCertificateAuthority other = LocalCertificateAuthority.loadOrCreate(dir.resolve("other"));
        assertThatThrownBy(() -> trustManagerFor(other.certificate()).checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void theKeyStorePasswordStaysOutOfToStringAndEachIssueHasItsOwn() {
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("tls"));
        BrokerTls one = ca.issueServerKeyStore(dir.resolve("one.p12"), List.of("localhost"));
        BrokerTls two = ca.issueServerKeyStore(dir.resolve("two.p12"), List.of("localhost"));

        String password = one.brokerSettings().get("ssl.keystore.password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(two.brokerSettings().get("ssl.keystore.password"));
        assertThat(one.toString()).doesNotContain(password);
        assertThat(one.clientTrust()).containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", ca.certificateFile().toAbsolutePath().toString())
                .doesNotContainKey("ssl.keystore.password");
    }

    @Test
    void anIncompleteCaIsRefusedWithWhatToDo() throws Exception {
        Path caDir = dir.resolve("tls");
        LocalCertificateAuthority.loadOrCreate(caDir);
        Files.delete(caDir.resolve(LocalCertificateAuthority.CA_KEY));

        assertThatThrownBy(() -> LocalCertificateAuthority.loadOrCreate(caDir))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining(caDir.toString()).hasMessageContaining("ca.key").hasMessageContaining("incomplete");
    }

    @Test
    void aFileThatIsNoCertificateIsNamed() throws Exception {
        Path caDir = dir.resolve("tls");
        LocalCertificateAuthority.loadOrCreate(caDir);
        Files.writeString(caDir.resolve(LocalCertificateAuthority.CA_CERTIFICATE), "not a certificate\n");

        assertThatThrownBy(() -> LocalCertificateAuthority.loadOrCreate(caDir))
                .hasMessageContaining(caDir.resolve("ca.crt").toString());
    }

    private static X509TrustManager trustManagerFor(X509Certificate ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
