package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.Ports;
import io.tributary.processors.RegistryStub;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.topology.RejectHeaders;
import io.tributary.registry.client.WireFormat;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) launched as the local
 * platform launches it, against a real in-process broker and a registry over HTTP that fails at
 * first: it waits for the registry, reports not ready until its topics exist, then validates with
 * exactly-once into staging and rejected, and counts.
 */
class PackagedValidatorIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int SCHEMA_ID = 7;

    @TempDir
    static Path dataDir;
    private static LocalKafkaBroker broker;
    private static RegistryStub registry;

    @BeforeAll
    static void start() {
        broker = LocalKafkaBroker.start(dataDir, 0);
        registry = RegistryStub.start(2, 503, SCHEMA_ID);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void validatesAZoneEndToEnd() throws Exception {
        int port = Ports.freePort();
        Process validator = launch(port, "first");
        try {
            HttpResponse<String> notReady = awaitHealth(validator, port, 503);
            assertThat(notReady.body()).contains("missing_topics").contains("shop.landing.orders");

            createTopics();
            awaitHealth(validator, port, 200);

            produce(List.of(
                    new ProducerRecord<>("shop.landing.orders", bytes("k1"), bytes(ShopFixtures.VALID_ORDER)),
                    new ProducerRecord<>("shop.landing.orders", bytes("k2"), bytes("{\"order_id\": ")),
                    new ProducerRecord<>("shop.landing.orders", bytes("k3"), bytes(ShopFixtures.orderWithout("items"))),
                    new ProducerRecord<>("shop.landing.orders", bytes("k4"), bytes(ShopFixtures.orderWith("order_id", "\"o-2\""))),
                    new ProducerRecord<>("shop.landing.payments", null, bytes(ShopFixtures.VALID_PAYMENT))));

            List<ConsumerRecord<byte[], byte[]>> staged = consume("shop.staging.orders", 2);
            assertThat(staged).extracting(r -> text(r.key())).containsExactly("o-1001", "o-2");
            assertThat(WireFormat.schemaId(staged.get(0).value())).isEqualTo(SCHEMA_ID);
            GenericRecord order = (GenericRecord) WireFormat.decode(staged.get(0).value(), ShopFixtures.ordersSchema());
            assertThat(order.get("status").toString()).isEqualTo("PAID");

            List<ConsumerRecord<byte[], byte[]>> rejected = consume("shop.rejected.orders", 2);
            assertThat(rejected).extracting(r -> text(r.key())).containsExactly("k2", "k3");
            assertThat(text(rejected.get(0).value())).isEqualTo("{\"order_id\": ");
            assertThat(header(rejected.get(0), RejectHeaders.REASON)).isEqualTo("NOT_JSON");
            assertThat(header(rejected.get(1), RejectHeaders.REASON)).isEqualTo("MISSING_FIELD");
            assertThat(header(rejected.get(1), RejectHeaders.FIELD)).isEqualTo("items");
            assertThat(header(rejected.get(1), RejectHeaders.SOURCE_TOPIC)).isEqualTo("shop.landing.orders");
            assertThat(header(rejected.get(1), RejectHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(rejected.get(1), RejectHeaders.SOURCE_OFFSET)).isEqualTo("2");
            assertThat(consume("shop.staging.payments", 1)).extracting(r -> text(r.key())).containsExactly("p-1");
            assertThat(transactionalIds()).as("exactly-once producers").anyMatch(id -> id.startsWith("tributary-shop-validator-"));

            String metrics = get(port, "/q/metrics").body();
            assertThat(metrics).containsPattern(
                    "tributary_validator_records_valid_total\\{dataset=\"orders\",zone=\"shop\"} 2\\.0");
            assertThat(metrics).containsPattern(
                    "tributary_validator_records_rejected_total\\{dataset=\"orders\",reason=\"NOT_JSON\",zone=\"shop\"} 1\\.0");
            String ready = get(port, "/q/health/ready").body();
            assertThat(ready).contains("\"zone\": \"shop\"").contains("\"dataset.orders.schemaId\": " + SCHEMA_ID);

            assertThat(registry.calls()).extracting(RegistryStub.Call::path).containsSubsequence(
                    "/subjects/shop.staging.orders-value/versions", "/subjects/shop.staging.orders-value/versions",
                    "/subjects/shop.staging.orders-value/versions", "/subjects/shop.staging.payments-value/versions");
        } finally {
            stopProcess(validator);
        }
        String log = Files.readString(logFile("first"));
        assertThat(log).contains("Zone shop dataset orders: schema io.tributary.test.shop.Order has id 7 under subject shop.staging.orders-value");
        assertThat(log).contains("Kafka Streams tributary-shop-validator is RUNNING");
        assertThat(log).contains("Rejected shop.landing.orders-0@1 to shop.rejected.orders: NOT_JSON");

        // A restarted instance takes over at once (the first left the group) and goes on from the
        // committed offsets: the new record arrives well within the 45 s session timeout, the
        // records of the first run are not written again.
        Process restarted = launch(Ports.freePort(), "restarted");
        try {
            produce(List.of(new ProducerRecord<>("shop.landing.orders", bytes("k5"), bytes(ShopFixtures.orderWith("order_id", "\"o-3\"")))));
            assertThat(consume("shop.staging.orders", 3, Duration.ofSeconds(25))).extracting(r -> text(r.key()))
                    .containsExactly("o-1001", "o-2", "o-3");
            assertThat(consume("shop.rejected.orders", 2, Duration.ofSeconds(5))).hasSize(2);
        } finally {
            stopProcess(restarted);
        }
    }

    private static Process launch(int port, String name) throws IOException {
        Path jar = appDir().resolve("quarkus-run.jar");
        assertThat(jar).as("packaged application; run mvn package first").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java,
                "-Dtributary.zone.descriptor=" + ShopFixtures.descriptorPath(),
                "-Dtributary.schema-registry.url=" + registry.url(),
                "-Dtributary.schema-registry.retry-max-backoff=200ms",
                "-Dquarkus.kafka-streams.bootstrap-servers=" + broker.bootstrapServers(),
                "-Dkafka-streams.state.dir=" + dataDir.resolve("streams"),
                "-Dquarkus.http.port=" + port,
                "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile())
                .start();
    }

    private static Path appDir() {
        return Path.of(System.getProperty("validator.app.dir", "target/quarkus-app"));
    }

    private static Path logFile(String name) {
        return appDir().getParent().resolve("validator-it-" + name + ".log");
    }

    private static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String dataset : List.of("orders", "payments")) {
                for (String stage : List.of("landing", "staging", "rejected")) {
                    topics.add(new NewTopic("shop." + stage + "." + dataset, 1, (short) 1));
                }
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> transactionalIds() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId).toList();
        }
    }

    private static void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        return consume(topic, count, Duration.ofSeconds(60));
    }

    /** Exactly {@code count} committed records of {@code topic} from its start, within {@code timeout}. */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count, Duration timeout) {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        assertThat(records).as("records in " + topic).hasSize(count);
        return records;
    }

    private static HttpResponse<String> awaitHealth(Process process, int port, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("validator process exited early; see target/validator-it-*.log").isTrue();
            try {
                HttpResponse<String> response = get(port, "/q/health/ready");
                if (response.statusCode() == status) {
                    return response;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("validator on port " + port + " did not answer " + status + " on /q/health/ready within 60 s");
    }

    private static void stopProcess(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : text(header.value());
    }
}
