package io.tributary.local.tls;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A broker's TLS material: its PKCS#12 key store (key and certificate chain) and the certificate of
 * the CA that signed it, which every client trusts as a PEM file (no trust store password to hand out).
 */
public final class BrokerTls {
    private final Path keyStore;
    private final String keyStorePassword;
    private final Path caCertificate;

    public BrokerTls(Path keyStore, String keyStorePassword, Path caCertificate) {
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
        this.keyStorePassword = Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
    }

    public Path keyStore() {
        return keyStore;
    }

    public Path caCertificate() {
        return caCertificate;
    }

    /** The broker's {@code ssl.*} settings: its key store, and the CA for its own inter-broker connections. */
    public Map<String, String> brokerSettings() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", keyStore.toAbsolutePath().toString());
        p.put("ssl.keystore.password", keyStorePassword);
        p.put("ssl.key.password", keyStorePassword);
        p.putAll(clientTrust(caCertificate));
        return p;
    }

    /** What a client adds to trust this broker: the CA certificate as a PEM trust store. */
    public Map<String, String> clientTrust() {
        return clientTrust(caCertificate);
    }

    /** A client's {@code ssl.truststore.*} settings for a CA certificate in PEM. */
    public static Map<String, String> clientTrust(Path caCertificate) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", caCertificate.toAbsolutePath().toString());
        return p;
    }

    @Override
    public String toString() {
        // The key store password stays out of logs and exception messages.
        return "BrokerTls[keyStore=" + keyStore + ", caCertificate=" + caCertificate + "]";
    }
}
