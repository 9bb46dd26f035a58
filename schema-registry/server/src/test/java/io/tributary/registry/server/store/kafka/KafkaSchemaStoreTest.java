package io.tributary.registry.server.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tributary.local.Ports;
import io.tributary.registry.server.TestBroker;
import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.AvroSchemaParser;
import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.SchemaType;
import io.tributary.registry.server.store.SubjectVersion;

/**
 * The Kafka-backed store against a real secured broker (as the platform user): what it writes, and
 * what a new instance rebuilds.
 */
class KafkaSchemaStoreTest {
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static TestBroker broker;

    private final AvroSchemaParser avro = new AvroSchemaParser();

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aRestartedStoreRebuildsTheSameIdsAndVersions() {
        String topic = newTopicName();
        ParsedSchema order = record("Order");
        ParsedSchema orderV2 = record("Order", "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
        ParsedSchema customer = record("Customer");

        List<SubjectVersion> before = new ArrayList<>();
        int orderId;
        int orderV2Id;
        int customerId;
        try (KafkaSchemaStore first = startedStore(topic)) {
            orderId = first.register("orders-value", order);
            orderV2Id = first.register("orders-value", orderV2);
            customerId = first.register("customers-value", customer);
            // The same schema under another subject keeps its id; re-registering changes nothing.
            assertThat(first.register("orders-copy-value", order)).isEqualTo(orderId);
            assertThat(first.register("orders-value", order)).isEqualTo(orderId);
            assertThat(List.of(orderId, orderV2Id, customerId)).containsExactly(1, 2, 3);
            for (String subject : first.subjects()) {
                for (int v : first.versions(subject)) {
                    before.add(first.version(subject, v));
                }
            }
        }
        assertThat(before).hasSize(4);

        try (KafkaSchemaStore second = startedStore(topic)) {
            List<SubjectVersion> after = new ArrayList<>();
            for (String subject : second.subjects()) {
                for (int v : second.versions(subject)) {
                    after.add(second.version(subject, v));
                }
            }
            assertThat(after).containsExactlyElementsOf(before);
            assertThat(second.schemaById(orderV2Id).schema()).isEqualTo(orderV2.canonical());
            assertThat(second.latest("orders-value").version()).isEqualTo(2);
            // Identity survives the restart, and new ids continue after the highest one.
            assertThat(second.register("customers-copy-value", customer)).isEqualTo(customerId);
            assertThat(second.register("other-value", record("Other"))).isEqualTo(4);
            assertThat(second.versions("customers-copy-value")).containsExactly(1);
        }
    }

    @Test
    void aDeposedWriterIsFencedAndCannotHandOutAnIdTwice() {
        String topic = newTopicName();
        try (KafkaSchemaStore first = startedStore(topic); KafkaSchemaStore second = startedStore(topic)) {
            assertThat(first.register("a-value", avro.parse("\"string\""))).isEqualTo(1);
            // The second writer starts: its transactional producer fences the first one.
            assertThat(second.register("b-value", avro.parse("\"long\""))).isEqualTo(2);
            // The first still believes it leads (same term) but Kafka refuses its write.
            assertThatThrownBy(() -> first.register("c-value", avro.parse("\"int\"")))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_LEADER));
            assertThat(second.register("c-value", avro.parse("\"int\""))).isEqualTo(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.subjects().size() == 3);
            assertThat(first.schemaById(3).schema()).isEqualTo("\"int\"");
        }
        List<ConsumerRecord<String, String>> records = readAll(topic);
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void configModeAndDeletesAreWrittenInConfluentsLayoutAndRebuilt() throws Exception {
        String topic = newTopicName();
        try (KafkaSchemaStore store = startedStore(topic)) {
            store.register("d-value", avro.parse("\"string\""));
            store.setConfig("d-value", io.tributary.registry.server.schema.CompatibilityLevel.FULL);
            store.setConfig(null, io.tributary.registry.server.schema.CompatibilityLevel.NONE);
            store.setMode("d-value", io.tributary.registry.server.schema.RegistryMode.READONLY, false);
            store.deleteMode("d-value");
            store.deleteSubject("d-value", false);
        }
        List<ConsumerRecord<String, String>> records = readAll(topic);
        assertThat(records).extracting(ConsumerRecord::key).contains(
                "{\"keytype\":\"CONFIG\",\"subject\":\"d-value\",\"magic\":0}",
                "{\"keytype\":\"CONFIG\",\"magic\":0}",
                "{\"keytype\":\"MODE\",\"subject\":\"d-value\",\"magic\":0}");
        assertThat(records).extracting(ConsumerRecord::value).contains("{\"compatibilityLevel\":\"FULL\"}",
                "{\"mode\":\"READONLY\"}", null,
                "{\"subject\":\"d-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":true}");
        try (KafkaSchemaStore again = startedStore(topic)) {
            assertThat(again.subjectConfig("d-value")).contains(io.tributary.registry.server.schema.CompatibilityLevel.FULL);
            assertThat(again.globalConfig()).isEqualTo(io.tributary.registry.server.schema.CompatibilityLevel.NONE);
            assertThat(again.subjectMode("d-value")).isEmpty();
            assertThat(again.subjects()).isEmpty();
            assertThat(again.subjects(true, "")).containsExactly("d-value");
        }
    }

    @Test
    void recordsUseConfluentsLayout() throws Exception {
        String topic = newTopicName();
        try (KafkaSchemaStore store = startedStore(topic)) {
            store.register("layout-value", avro.parse("\"string\""));
        }
        List<ConsumerRecord<String, String>> records = readAll(topic);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"layout-value\",\"version\":1,\"magic\":1}");
        assertThat(records.get(0).value()).isEqualTo(
                "{\"subject\":\"layout-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");

        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(1);
        }
    }

    @Test
    void recordsWrittenByAnotherRegistryAreReadAndTheirIdsRespected() throws Exception {
        String topic = newTopicName();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(broker.clientProperties(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                    "{\"compatibilityLevel\":\"BACKWARD\"}"));
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"a-value\",\"version\":1,\"id\":5,\"schema\":\"{ \\\"type\\\": \\\"string\\\" }\",\"deleted\":false}"));
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"p-value\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"p-value\",\"version\":1,\"id\":9,\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\",\"deleted\":false}"));
            producer.send(new ProducerRecord<>(topic, "not json", "garbage"));
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"gone-value\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"gone-value\",\"version\":1,\"id\":11,\"schema\":\"\\\"int\\\"\",\"deleted\":false}"));
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"gone-value\",\"version\":1,\"magic\":1}", null));
            producer.flush();
        }
        try (KafkaSchemaStore store = startedStore(topic)) {
            assertThat(store.subjects()).containsExactly("a-value", "p-value");
            // Stored differently formatted, still recognised as the same schema.
            assertThat(store.register("b-value", avro.parse("\"string\""))).isEqualTo(5);
            assertThat(store.schemaById(9).type()).isEqualTo(SchemaType.PROTOBUF);
            // Ids in use (including the hard-deleted version's schema) are never handed out again.
            assertThat(store.register("c-value", avro.parse("\"boolean\""))).isEqualTo(12);
            assertThat(store.register("gone-value", avro.parse("\"int\""))).isEqualTo(11);
            assertThat(store.versions("gone-value")).containsExactly(1);
        }
    }

    @Test
    void aTopicWithSeveralPartitionsIsRefusedAndReportedNotAlive() throws Exception {
        String topic = newTopicName();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
        try (KafkaSchemaStore store = startedStore(topic)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !store.isAlive());
            assertThat(store.isReady()).isFalse();
            assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains(topic).contains("3 partitions"));
        }
    }

    @Test
    void theBrokerIsSecuredAndRefusesAWrongPassword() {
        Map<String, Object> wrong = new HashMap<>(TestBroker.platformLogin(TestBroker.randomPassword()));
        wrong.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aStoreStartedBeforeItsBrokerBecomesReadyWhenTheBrokerComes() {
        // Nothing listens on this port yet: the store keeps retrying and reports why it is not ready.
        int port = Ports.freePort();
        String password = TestBroker.randomPassword();
        Map<String, String> settings = new HashMap<>(TestBroker.platformLogin(password));
        settings.put("bootstrap.servers", "localhost:" + port);
        KafkaClientSettings clients = new KafkaClientSettings(settings);
        try (KafkaSchemaStore store = new KafkaSchemaStore(clients,
                new SchemaLogSettings("_schemas", (short) 1, Duration.ofSeconds(2))).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> store.problem().orElse("").contains("not usable yet"));
            assertThat(store.isReady()).isFalse();
            assertThat(store.isAlive()).isTrue();
            assertThatThrownBy(store::subjects).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_TIMEOUT));

            try (TestBroker late = TestBroker.start(port, password)) {
                await().atMost(Duration.ofSeconds(30)).until(store::isReady);
                assertThat(store.register("late-value", avro.parse("\"string\""))).isEqualTo(1);
            }
        }
    }

    private KafkaSchemaStore startedStore(String topic) {
        KafkaClientSettings clients = new KafkaClientSettings(broker.clientProperties());
        KafkaSchemaStore store = new KafkaSchemaStore(clients, new SchemaLogSettings(topic, (short) 1, Duration.ofSeconds(20)));
        return store.start();
    }

    private ParsedSchema record(String name, String... extraFields) {
        StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"long\"}");
        for (String f : extraFields) {
            fields.append(',').append(f);
        }
        return avro.parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}");
    }

    private static String newTopicName() {
        return "_schemas_test_" + TOPICS.incrementAndGet();
    }

    private static Admin admin() {
        return Admin.create(broker.clientProperties(Map.of()));
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.putAll(broker.clientProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
