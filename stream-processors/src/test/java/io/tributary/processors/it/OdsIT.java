package io.tributary.processors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.RegistryProcess;
import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.EntitySpec;
import io.tributary.model.RejectHeaderNames;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.ods.spi.RecordTransformers;
import io.tributary.processors.ods.HoldWatcher;
import io.tributary.processors.ods.OdsCounters;
import io.tributary.processors.ods.OdsPipelines;
import io.tributary.processors.ods.OdsRuntime;
import io.tributary.registry.client.CachingSchemaRegistry;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.WireFormat;
import io.tributary.topics.ClusterProfile;
import io.tributary.topics.ZonePlan;
import io.tributary.topics.ZoneTopics;
import io.tributary.topics.holds.HoldEvent;
import io.tributary.topics.holds.HoldLog;

/**
 * The ods pipelines of the {@code fin} test zone against a real broker, secured (SASL/SCRAM, ACLs;
 * every client and application logs in as the platform), and the real schema registry, with
 * exactly-once: topics applied by zone-topics, a restart in the middle of a stream (no record lost,
 * none written twice), and a steward hold and release.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OdsIT {
    private static final long T0 = 1_714_557_600_000L;

    @TempDir
    static Path dataDir;
    private static SecuredBroker broker;
    private static RegistryProcess registryProcess;
    private static CachingSchemaRegistry registry;
    private static Cluster cluster;
    private static ZoneDescriptor fin;
    private static final Map<String, Integer> stagingIds = new HashMap<>();
    private static final Map<String, Integer> entityIds = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        broker = SecuredBroker.start(dataDir);
        registryProcess = broker.startRegistry(dataDir);
        registry = new CachingSchemaRegistry(new HttpSchemaRegistry(registryProcess.url()));
        cluster = new Cluster(broker.client());
        fin = DescriptorLoader.load(Path.of("src/test/resources/ods/fin.yaml"));
        try (ZoneTopics topics = ZoneTopics.connect(broker.clientSettings(), registry, ClusterProfile.singleNode())) {
            ZonePlan plan = topics.plan(List.of(fin)).get(0);
            assertThat(plan.hasProblems()).as(plan.render()).isFalse();
            topics.apply(plan, false);
        }
        for (DatasetSpec dataset : fin.datasets()) {
            stagingIds.put(dataset.name(), registry.latest("fin.staging." + dataset.name() + "-value").orElseThrow().id());
        }
        for (EntitySpec entity : fin.entities()) {
            String subject = "fin.ods." + entity.name() + "-value";
            entityIds.put(subject, registry.latest(subject).orElseThrow().id());
        }
        for (AnalyticalSpec output : fin.analytical()) {
            String subject = "fin.analytical." + output.name() + "-value";
            entityIds.put(subject, registry.latest(subject).orElseThrow().id());
        }
        send("fx_rates", "USD", record("fx_rates", "currency", "USD", "rate_to_eur", 0.9));
        send("fx_rates", "EUR", record("fx_rates", "currency", "EUR", "rate_to_eur", 1.0));
        send("departments", "D1", record("departments", "code", "D1", "name", "Sales"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (registryProcess != null) {
            registryProcess.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static GenericRecord record(String dataset, Object... fieldsAndValues) {
        Schema schema = fin.dataset(dataset).orElseThrow().schema();
        GenericData.Record record = new GenericData.Record(schema);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            record.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return record;
    }

    private static void send(String dataset, String key, GenericRecord value) {
        Schema schema = fin.dataset(dataset).orElseThrow().schema();
        cluster.sendAsync(new ProducerRecord<>("fin.staging." + dataset, key.getBytes(StandardCharsets.UTF_8),
                WireFormat.encode(stagingIds.get(dataset), schema, value)));
    }

    private static GenericRecord report(String id, String amount, long at) {
        return record("expense_reports", "report_id", id, "employee_id", "e-1", "amount_text", amount, "currency", "USD",
                "department_code", "D1", "submitted_at", at);
    }

    private static OdsRuntime runtime(String name) {
        Properties props = new Properties();
        props.putAll(broker.client());
        props.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams-" + name).toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
        List<OdsPipelines.Pipeline> pipelines = OdsPipelines.of(fin, z -> Optional.empty(), registry, entityIds, RecordTransformers.forZone("fin", null), new OdsCounters());
        return new OdsRuntime("fin", pipelines, props);
    }

    /**
     * Every committed ods record, once at least {@code atLeast} are there (or 90 s passed), decoded:
     * key → versions in order. Read to the end offsets, so that nothing already committed is missed.
     */
    private static Map<String, List<GenericRecord>> ods(int atLeast) {
        cluster.readAll("fin.ods.expense", atLeast, Duration.ofSeconds(90));
        Map<String, List<GenericRecord>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readToEnd("fin.ods.expense")) {
            Schema writer = registry.schemaById(WireFormat.schemaId(r.value()));
            assertThat(WireFormat.schemaId(r.value())).isEqualTo(entityIds.get("fin.ods.expense-value"));
            byKey.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add((GenericRecord) WireFormat.decode(r.value(), writer));
        }
        return byKey;
    }

    /** Every committed record of {@code topic} up to its end offsets now. */
    private static List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic) {
        Map<String, Object> config = broker.client();
        config.put("isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The latest fact per key, once every one has {@code amountEur} (or 60 s passed). */
    private static Map<String, GenericRecord> latestFacts(int keys, double amountEur) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, GenericRecord> latest = new HashMap<>();
        while (System.nanoTime() < deadline) {
            latest.clear();
            for (ConsumerRecord<byte[], byte[]> r : readToEnd("fin.analytical.expense_facts")) {
                latest.put(new String(r.key(), StandardCharsets.UTF_8),
                        (GenericRecord) WireFormat.decode(r.value(), registry.schemaById(WireFormat.schemaId(r.value()))));
            }
            if (latest.size() == keys && latest.values().stream().allMatch(f -> (Double) f.get("amount_eur") == amountEur)) {
                break;
            }
            Thread.sleep(500);
        }
        return latest;
    }


    @Test
    @Order(0)
    void theBrokerRefusesAClientWithAWrongPassword() {
        // Guards the secured setup itself: on an open broker this would not be a SASL authentication failure.
        try (Admin intruder = Admin.create(broker.clientWithWrongPassword())) {
            assertThatThrownBy(() -> intruder.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(1)
    void aRestartInTheMiddleOfAStreamLosesAndDuplicatesNothing() throws Exception {
        int keys = 3_000;
        // Every key twice: version 1, then version 2; plus a duplicate of every tenth version 2 and a late version 0.
        OdsRuntime first = runtime("a");
        first.start();
        for (int i = 0; i < keys; i++) {
            send("expense_reports", "r-" + i, report("r-" + i, "10", T0 + 1_000));
        }
        cluster.flush();
        // Stop once some, not all, have reached ods: a restart mid-stream.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (count(ods(1)) < 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        first.close();
        int before = count(ods(1));
        for (int i = 0; i < keys; i++) {
            send("expense_reports", "r-" + i, report("r-" + i, "20", T0 + 2_000));
            if (i % 10 == 0) {
                send("expense_reports", "r-" + i, report("r-" + i, "20", T0 + 2_000));
                send("expense_reports", "r-" + i, report("r-" + i, "5", T0));
            }
        }
        cluster.flush();
        OdsRuntime second = runtime("b");
        second.start();
        Map<String, List<GenericRecord>> ods = ods(2 * keys);
        // The facts (expense left-joined to departments) follow: the latest fact of every key has its latest amount.
        Map<String, GenericRecord> facts = latestFacts(keys, 18.0);
        second.close();

        assertThat(before).as("records in ods when the first instance stopped").isLessThan(2 * keys);
        assertThat(ods).hasSize(keys);
        assertThat(count(ods)).as("every version once, nothing duplicated, nothing older").isEqualTo(2 * keys);
        assertThat(facts).hasSize(keys);
        assertThat(facts.values()).allSatisfy(f -> assertThat(f.get("amount_eur")).isEqualTo(18.0));
        assertThat(facts.get("r-7").get("department_name").toString()).isEqualTo("Sales");
        assertThat(facts.get("r-7").get("rate_to_eur")).as("the second join, to the FX rates by currency").isEqualTo(0.9);
        for (int i = 0; i < keys; i++) {
            List<GenericRecord> versions = ods.get("r-" + i);
            assertThat(versions).extracting(v -> (Double) v.get("amount")).containsExactly(10.0, 20.0);
            assertThat(versions.get(1).get("amount_eur")).isEqualTo(18.0);
            assertThat(versions.get(1).get("department").toString()).isEqualTo("Sales");
        }
    }

    @Test
    @Order(2)
    void aHeldDatasetWaitsInStagingAndMovesOnExactlyOnceWhenReleased() throws Exception {
        // The platform creates the zone's hold topics (zones apply); the steward writes them, the watcher follows them.
        HoldLog holds = new HoldLog(broker.client(), "fin");
        holds.ensureTopics();
        holds.append(new HoldEvent("fin", "card_transactions", HoldEvent.Action.HOLD, "amounts look doubled", "controller", Instant.now()));
        int before = count(ods(1));
        OdsRuntime runtime = runtime("c");
        try (HoldWatcher watcher = new HoldWatcher("fin", broker.client(), runtime)) {
            assertThat(watcher.topic()).isEqualTo("_tributary.fin.holds").isEqualTo(holds.holdsTopic());
            watcher.catchUp();
            assertThat(runtime.heldDatasets()).containsExactly("card_transactions");
            runtime.start();
            watcher.start();
            int cards = 50;
            for (int i = 0; i < cards; i++) {
                send("card_transactions", "t-" + i, record("card_transactions", "txn_id", "t-" + i, "expense_ref", "c-" + i,
                        "amount", 10.0 + i, "currency", "EUR", "dept", "D1", "at", T0));
            }
            // A record of a dataset not held goes through: the pipeline runs, the held one waits.
            send("expense_reports", "r-live", report("r-live", "1", T0));
            cluster.flush();
            Map<String, List<GenericRecord>> whileHeld = ods(before + 1);
            assertThat(whileHeld).containsKey("r-live");
            Thread.sleep(2_000);
            assertThat(ods(before + 1).keySet()).noneMatch(k -> k.startsWith("c-"));
            // Every mapped record so far: both versions of each report, the duplicates and late ones of test 1, r-live; no card.
            cluster.readAll("fin.ods.expense.mapped", 6_601, Duration.ofSeconds(30));
            assertThat(readToEnd("fin.ods.expense.mapped"))
                    .hasSize(6_601)
                    .noneMatch(r -> "card_transactions".equals(Cluster.header(r, RejectHeaderNames.ODS_DATASET)));

            holds.append(new HoldEvent("fin", "card_transactions", HoldEvent.Action.RELEASE, "checked", "controller", Instant.now()));
            Map<String, List<GenericRecord>> after = ods(before + 1 + cards);
            Set<String> cardKeys = new HashSet<>();
            after.forEach((k, v) -> {
                if (k.startsWith("c-")) {
                    cardKeys.add(k);
                    assertThat(v).as("versions of " + k).hasSize(1);
                }
            });
            assertThat(cardKeys).hasSize(cards);
            assertThat(after.get("c-7").get(0).get("amount")).isEqualTo(17.0);
            assertThat(holds.held()).isEmpty();
            assertThat(holds.history()).extracting(HoldEvent::action).containsExactly(HoldEvent.Action.HOLD, HoldEvent.Action.RELEASE);
            assertThat(holds.history().get(0).reason()).isEqualTo("amounts look doubled");
        } finally {
            runtime.close();
        }
    }

    /**
     * card_payment has one source: its upsert runs in the card_transactions mapping application with
     * the default version store, memory rebuilt from fin.ods.card_payment when a task starts. After
     * a restart, duplicates and older versions of keys written before are dropped (the rebuild knows
     * them), newer versions and new keys are written once; a write left by an aborted transaction
     * (what a crash leaves) neither shows nor blocks the record that is processed again.
     */
    @Test
    @Order(3)
    void aSingleSourceEntityRebuildsItsVersionsFromItsOdsTopicAfterARestart() throws Exception {
        int before = count(payments(1));
        int keys = 300;
        OdsRuntime first = runtime("d");
        first.start();
        for (int i = 0; i < keys; i++) {
            send("card_transactions", "p-" + i, card("p-" + i, 1.0, T0 + 1_000));
        }
        cluster.flush();
        assertThat(count(payments(before + keys))).isEqualTo(before + keys);
        first.close();

        // A crashed instance's last transaction: z-1 written at the staging offset it will have, then aborted.
        String staging = "fin.staging.card_transactions";
        byte[] crashedKey = "z-1".getBytes(StandardCharsets.UTF_8);
        TopicPartition crashedFrom = new TopicPartition(staging, Utils.toPositive(Utils.murmur2(crashedKey)) % partitions(staging));
        long crashedOffset = endOffset(crashedFrom);
        abortedOdsWrite("fin.ods.card_payment", crashedKey, crashedFrom, crashedOffset, T0 + 5_000);
        cluster.send(new ProducerRecord<>(staging, crashedKey, wire("card_transactions", card("z-1", 5.0, T0 + 5_000))));
        assertThat(endOffset(crashedFrom)).isEqualTo(crashedOffset + 1);
        int expected = before + keys + 1;
        for (int i = 0; i < keys; i++) {
            send("card_transactions", "p-" + i, card("p-" + i, 1.0, T0 + 1_000)); // duplicate
            if (i % 10 == 0) {
                send("card_transactions", "p-" + i, card("p-" + i, 0.5, T0)); // older
            }
            if (i % 5 == 0) {
                send("card_transactions", "p-" + i, card("p-" + i, 2.0, T0 + 2_000)); // newer
                expected++;
            }
        }
        for (int i = 0; i < 10; i++) {
            // Written by test 2's instance: duplicates.
            send("card_transactions", "t-" + i, record("card_transactions", "txn_id", "t-" + i, "expense_ref", "c-" + i,
                    "amount", 10.0 + i, "currency", "EUR", "dept", "D1", "at", T0));
        }
        for (int i = 0; i < 100; i++) {
            send("card_transactions", "q-" + i, card("q-" + i, 3.0, T0 + 1_000));
            expected++;
        }
        cluster.flush();
        OdsRuntime second = runtime("e");
        second.start();
        Map<String, List<Double>> payments;
        try {
            payments(expected);
            Thread.sleep(2_000); // time for anything written twice to show
            payments = payments(expected);
        } finally {
            second.close();
        }

        assertThat(count(payments)).as("every version once, nothing older, no duplicate").isEqualTo(expected);
        for (int i = 0; i < keys; i++) {
            assertThat(payments.get("p-" + i)).as("p-" + i).containsExactlyElementsOf(i % 5 == 0 ? List.of(1.0, 2.0) : List.of(1.0));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(payments.get("q-" + i)).containsExactly(3.0);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(payments.get("t-" + i)).as("t-" + i).hasSize(1);
        }
        assertThat(payments.get("z-1")).as("the aborted write is invisible, the record processed again is written").containsExactly(5.0);
    }

    private static GenericRecord card(String txn, double amount, long at) {
        return record("card_transactions", "txn_id", txn, "expense_ref", "c3-" + txn, "amount", amount, "currency", "EUR", "dept", "D1",
                "at", at);
    }

    private static byte[] wire(String dataset, GenericRecord value) {
        return WireFormat.encode(stagingIds.get(dataset), fin.dataset(dataset).orElseThrow().schema(), value);
    }

    private static int count(Map<String, ? extends List<?>> byKey) {
        return byKey.values().stream().mapToInt(List::size).sum();
    }

    /** The committed card payments, once at least {@code atLeast} are there (or 90 s passed): key → amounts in order. */
    private static Map<String, List<Double>> payments(int atLeast) {
        cluster.readAll("fin.ods.card_payment", atLeast, Duration.ofSeconds(90));
        Map<String, List<Double>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readToEnd("fin.ods.card_payment")) {
            GenericRecord payment = (GenericRecord) WireFormat.decode(r.value(), registry.schemaById(WireFormat.schemaId(r.value())));
            byKey.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add((Double) payment.get("amount"));
        }
        return byKey;
    }

    private static int partitions(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = plainConsumer()) {
            return consumer.partitionsFor(topic).size();
        }
    }

    private static long endOffset(TopicPartition partition) {
        try (KafkaConsumer<byte[], byte[]> consumer = plainConsumer()) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static KafkaConsumer<byte[], byte[]> plainConsumer() {
        return new KafkaConsumer<>(broker.client(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** An ods record as the upsert writes it, in a transaction that is aborted. */
    private static void abortedOdsWrite(String topic, byte[] key, TopicPartition source, long sourceOffset, long version) {
        Map<String, Object> config = broker.client();
        config.put("transactional.id", "ods-it-crashed");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, new byte[] {0});
            record.headers().add(RejectHeaderNames.SOURCE_TOPIC, source.topic().getBytes(StandardCharsets.UTF_8))
                    .add(RejectHeaderNames.SOURCE_PARTITION, Integer.toString(source.partition()).getBytes(StandardCharsets.UTF_8))
                    .add(RejectHeaderNames.SOURCE_OFFSET, Long.toString(sourceOffset).getBytes(StandardCharsets.UTF_8))
                    .add(RejectHeaderNames.ODS_VERSION, Long.toString(version).getBytes(StandardCharsets.UTF_8))
                    .add(RejectHeaderNames.ODS_PRIORITY, "0".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
            producer.abortTransaction();
        }
    }
}
