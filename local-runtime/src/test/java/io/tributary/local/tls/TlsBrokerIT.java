package io.tributary.local.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.LocalKafkaBroker;

/**
 * A secured broker with a TLS listener (SASL_SSL) whose certificate the local CA signed: clients that
 * trust the CA work, clients that do not, or that speak plain SASL, are refused; a restart with a
 * newly issued certificate from the same CA keeps the clients' trust.
 */
class TlsBrokerIT {
    private static final String USER = "tributary-platform";

    @TempDir
    Path dir;

    @Test
    void clientsThatTrustTheLocalCaTalkSaslSslAndOthersAreRefused() throws Exception {
        String password = UUID.randomUUID().toString();
        LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("tls"));
        BrokerTls tls = ca.issueServerKeyStore(dir.resolve("tls/broker.p12"), List.of("localhost", "127.0.0.1"));
        Map<String, String> client;
        int port;
        try (LocalKafkaBroker broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, USER, password, tls)) {
            port = broker.port();
            client = broker.clientProperties();
            assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("ssl.truststore.location", ca.certificateFile().toAbsolutePath().toString());

            try (Admin admin = Admin.create(adminConfig(client))) {
                admin.createTopics(List.of(new NewTopic("tls-check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            roundTrip(client, "tls-check", "over TLS");

            Map<String, String> noTrust = new HashMap<>(client);
            noTrust.remove("ssl.truststore.type");
            noTrust.remove("ssl.truststore.location");
            try (Admin admin = Admin.create(adminConfig(noTrust))) {
                assertThatThrownBy(() -> admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
            }

            Map<String, String> plain = new HashMap<>(client);
            plain.put("security.protocol", "SASL_PLAINTEXT");
            try (Admin admin = Admin.create(adminConfig(plain))) {
                // A plain-text client cannot even finish its handshake on the TLS listener.
                assertThatThrownBy(() -> admin.describeCluster().clusterId().get(8, TimeUnit.SECONDS)).isNotNull();
            }
        }

        // A restart issues a new server certificate from the same CA: the clients' settings stay as they were.
        BrokerTls reissued = LocalCertificateAuthority.loadOrCreate(dir.resolve("tls"))
                .issueServerKeyStore(dir.resolve("tls/broker.p12"), List.of("localhost", "127.0.0.1"));
        try (LocalKafkaBroker broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), port, USER, password, reissued)) {
            assertThat(broker.clientProperties()).isEqualTo(client);
            roundTrip(client, "tls-check", "after a restart");
        }
    }

    private static void roundTrip(Map<String, String> client, String topic, String value) throws Exception {
        Map<String, Object> producer = new HashMap<>(client);
        producer.put("key.serializer", StringSerializer.class.getName());
        producer.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producer)) {
            p.send(new ProducerRecord<>(topic, "k", value)).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumer = new HashMap<>(client);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "tls-" + UUID.randomUUID());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put("key.deserializer", StringDeserializer.class.getName());
        consumer.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer)) {
            c.subscribe(List.of(topic));
            List<String> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen.contains(value) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    seen.add(r.value());
                }
            }
            assertThat(seen).contains(value);
        }
    }

    private static Map<String, Object> adminConfig(Map<String, String> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        return config;
    }
}
