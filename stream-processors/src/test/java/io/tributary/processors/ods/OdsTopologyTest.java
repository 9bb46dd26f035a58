package io.tributary.processors.ods;

import static io.tributary.processors.ods.OdsFixture.text;
import static io.tributary.processors.ods.OdsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.RejectHeaderNames;

/**
 * The mapping and upsert topologies of the {@code fin} test zone with TopologyTestDriver: each
 * mapping kind, lookups and their miss policies, failures to rejected, upsert and dedupe, and two
 * sources of one entity resolved by version, then priority.
 */
class OdsTopologyTest {
    private static final long T1 = 1_714_557_600_000L;

    @TempDir
    Path stateDir;

    private OdsFixture fin;
    private OdsCounters counters;
    private final Map<String, TopologyTestDriver> mappers = new HashMap<>();
    private TopologyTestDriver upsert;

    @BeforeEach
    void start() {
        fin = new OdsFixture(new MemoryRegistry());
        counters = new OdsCounters();
        for (OdsPipelines.Pipeline pipeline : fin.pipelines(counters)) {
            if (pipeline.dataset() != null) {
                mappers.put(pipeline.dataset(), new TopologyTestDriver(pipeline.topology(), props(pipeline.applicationId())));
            } else if (pipeline.applicationId().equals(OdsPipelines.upsertApplicationId("fin", "expense"))) {
                upsert = new TopologyTestDriver(pipeline.topology(), props(pipeline.applicationId()));
            }
        }
        assertThat(mappers).containsOnlyKeys("expense_reports", "card_transactions");
        reference("fx_rates", "USD", fin.rate("USD", 0.9));
        reference("fx_rates", "EUR", fin.rate("EUR", 1.0));
        reference("departments", "D1", fin.department("D1", "Sales"));
    }

    @AfterEach
    void stop() {
        mappers.values().forEach(TopologyTestDriver::close);
        if (upsert != null) {
            upsert.close();
        }
    }

    private Properties props(String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
        return props;
    }

    /** A reference record, into the global store of every mapping that looks it up. */
    private void reference(String dataset, String key, GenericRecord value) {
        String topic = "fin.staging." + dataset;
        for (TopologyTestDriver driver : mappers.values()) {
            driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
                    .pipeInput(utf8(key), value == null ? null : fin.wire(dataset, value));
        }
    }

    /** Sends a staging record through its mapping, and everything mapped through the upsert. */
    private void stage(String dataset, String key, GenericRecord value) {
        stage(dataset, key, fin.wire(dataset, value));
    }

    private void stage(String dataset, String key, byte[] value) {
        TopologyTestDriver mapper = mappers.get(dataset);
        TestInputTopic<byte[], byte[]> input = mapper.createInputTopic("fin.staging." + dataset, new ByteArraySerializer(),
                new ByteArraySerializer());
        input.pipeInput(new TestRecord<>(utf8(key), value, new org.apache.kafka.common.header.internals.RecordHeaders(), T1));
        TestOutputTopic<byte[], byte[]> mapped = mapper.createOutputTopic("fin.ods.expense.mapped", new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        TestInputTopic<byte[], byte[]> upsertInput = upsert.createInputTopic("fin.ods.expense.mapped", new ByteArraySerializer(),
                new ByteArraySerializer());
        for (TestRecord<byte[], byte[]> record : mapped.readRecordsToList()) {
            upsertInput.pipeInput(record);
        }
    }

    private List<TestRecord<byte[], byte[]>> ods() {
        return upsert.createOutputTopic("fin.ods.expense", new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    private List<TestRecord<byte[], byte[]>> rejected(String dataset) {
        return mappers.get(dataset).createOutputTopic("fin.rejected." + dataset, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    private static String header(TestRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> fields(GenericRecord record) {
        Map<String, Object> map = new HashMap<>();
        record.getSchema().getFields().forEach(f -> {
            Object v = record.get(f.pos());
            map.put(f.name(), v instanceof CharSequence ? v.toString() : v);
        });
        return map;
    }

    @Test
    void renameCastExpressionConstantLookupAndDefaultFillTheEntity() {
        stage("expense_reports", "r-1", fin.report("r-1", "100.50", "USD", "D1", T1));

        List<TestRecord<byte[], byte[]>> ods = ods();
        assertThat(ods).hasSize(1);
        assertThat(text(ods.get(0).key())).isEqualTo("r-1");
        Map<String, Object> expense = fields(fin.readEntity(ods.get(0).value()));
        assertThat(expense).containsEntry("expense_id", "r-1")          // rename
                .containsEntry("amount", 100.5)                          // cast from text
                .containsEntry("currency", "USD")                        // same name, copied
                .containsEntry("department", "Sales")                    // lookup
                .containsEntry("source_system", "reports")               // constant
                .containsEntry("submitted_at", T1)
                .containsEntry("note", null);                            // schema default
        assertThat((Double) expense.get("amount_eur")).isCloseTo(90.45, org.assertj.core.data.Offset.offset(1e-9)); // expression with FX lookup
        assertThat(header(ods.get(0), RejectHeaderNames.ODS_DATASET)).isEqualTo("expense_reports");
        assertThat(header(ods.get(0), RejectHeaderNames.ODS_VERSION)).isEqualTo(Long.toString(T1));
        assertThat(header(ods.get(0), RejectHeaderNames.SOURCE_TOPIC)).isEqualTo("fin.staging.expense_reports");
        assertThat(rejected("expense_reports")).isEmpty();
    }

    @Test
    void lookupMissWithRejectPolicyGoesToRejectedAndThePipelineGoesOn() {
        byte[] bad = fin.wire("expense_reports", fin.report("r-2", "10", "XXX", "D1", T1));
        stage("expense_reports", "r-2", bad);
        stage("expense_reports", "r-3", fin.report("r-3", "10", "EUR", "D1", T1));

        List<TestRecord<byte[], byte[]>> rejected = rejected("expense_reports");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).value()).isEqualTo(bad);
        assertThat(text(rejected.get(0).key())).isEqualTo("r-2");
        assertThat(header(rejected.get(0), RejectHeaderNames.REASON)).isEqualTo("LOOKUP_MISSED");
        assertThat(header(rejected.get(0), RejectHeaderNames.FIELD)).isEqualTo("currency");
        assertThat(header(rejected.get(0), RejectHeaderNames.MESSAGE)).contains("eur_rate").contains("'XXX'");
        assertThat(header(rejected.get(0), RejectHeaderNames.ODS_ENTITY)).isEqualTo("expense");
        assertThat(header(rejected.get(0), RejectHeaderNames.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(ods()).extracting(r -> text(r.key())).containsExactly("r-3");
        assertThat(counters.get("lookup_missed", "fin", "expense", "lookup", "eur_rate")).isEqualTo(1);
        assertThat(counters.get("rejected", "fin", "expense", "dataset", "expense_reports")).isEqualTo(1);
    }

    @Test
    void lookupMissWithDefaultAndNullPoliciesIsCountedAndFilled() {
        stage("card_transactions", "t-1", fin.card("t-1", "x-1", 20.0, "GBP", "D9", T1));
        stage("expense_reports", "r-4", fin.report("r-4", "5", "EUR", "D9", T1));

        List<TestRecord<byte[], byte[]>> ods = ods();
        assertThat(ods).hasSize(2);
        Map<String, Object> card = fields(fin.readEntity(ods.get(0).value()));
        assertThat(card).containsEntry("amount_eur", 20.0)               // onMiss: default (rate 1.0)
                .containsEntry("department", null)                       // onMiss: null
                .containsEntry("note", "card payment")
                .containsEntry("source_system", "card");
        assertThat(fields(fin.readEntity(ods.get(1).value()))).containsEntry("department", "Unknown"); // onMiss: default
        assertThat(counters.get("lookup_missed", "fin", "expense", "lookup", "eur_rate")).isEqualTo(1);
        assertThat(counters.get("lookup_missed", "fin", "expense", "lookup", "dept_name")).isEqualTo(2);
    }

    @Test
    void aValueThatCannotBeCastIsRejectedNamingTheField() {
        stage("expense_reports", "r-5", fin.report("r-5", "12,50", "EUR", "D1", T1));

        List<TestRecord<byte[], byte[]>> rejected = rejected("expense_reports");
        assertThat(rejected).hasSize(1);
        assertThat(header(rejected.get(0), RejectHeaderNames.REASON)).isEqualTo("MAPPING_FAILED");
        assertThat(header(rejected.get(0), RejectHeaderNames.FIELD)).isEqualTo("amount");
        assertThat(header(rejected.get(0), RejectHeaderNames.MESSAGE)).contains("'12,50' is not a double");
        assertThat(ods()).isEmpty();
    }

    @Test
    void aStagingRecordThatCannotBeReadIsRejected() {
        stage("expense_reports", "r-6", new byte[] {0, 0, 0, 0, 1, (byte) 0xff});

        assertThat(rejected("expense_reports")).singleElement()
                .satisfies(r -> assertThat(header(r, RejectHeaderNames.REASON)).isEqualTo("NOT_AVRO"));
    }

    @Test
    void aNewerVersionReplacesAnOlderOneAndOlderOrEqualVersionsAreDropped() {
        stage("expense_reports", "r-7", fin.report("r-7", "10", "EUR", "D1", T1));
        stage("expense_reports", "r-7", fin.report("r-7", "11", "EUR", "D1", T1 + 2_000));
        stage("expense_reports", "r-7", fin.report("r-7", "9", "EUR", "D1", T1 + 1_000));  // late, older
        stage("expense_reports", "r-7", fin.report("r-7", "11", "EUR", "D1", T1 + 2_000)); // duplicate

        List<TestRecord<byte[], byte[]>> ods = ods();
        assertThat(ods).extracting(r -> fields(fin.readEntity(r.value())).get("amount")).containsExactly(10.0, 11.0);
        assertThat(counters.get("dropped", "fin", "expense", null, null)).isEqualTo(2);
        assertThat(counters.get("written", "fin", "expense", null, null)).isEqualTo(2);
    }

    @Test
    void twoSourcesOfOneEntityResolveByVersionThenBySourcePriority() {
        // The card payment is seen first; the expense report of the same expense (same event time) has priority.
        stage("card_transactions", "t-9", fin.card("t-9", "r-9", 100.0, "USD", "D1", T1));
        stage("expense_reports", "r-9", fin.report("r-9", "100.00", "USD", "D1", T1));
        stage("card_transactions", "t-9b", fin.card("t-9b", "r-9", 100.0, "USD", "D1", T1)); // lower priority, same version
        stage("card_transactions", "t-9c", fin.card("t-9c", "r-9", 120.0, "USD", "D1", T1 + 1)); // newer

        List<TestRecord<byte[], byte[]>> ods = ods();
        List<Map<String, Object>> versions = new ArrayList<>();
        ods.forEach(r -> versions.add(fields(fin.readEntity(r.value()))));
        assertThat(versions).extracting(v -> v.get("source_system")).containsExactly("card", "reports", "card");
        assertThat(versions).allSatisfy(v -> assertThat(v.get("expense_id")).isEqualTo("r-9"));
        // Both sources normalise to EUR through the same FX table.
        assertThat((Double) versions.get(0).get("amount_eur")).isCloseTo(90.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) versions.get(1).get("amount_eur")).isCloseTo(90.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) versions.get(2).get("amount_eur")).isCloseTo(108.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ods).extracting(r -> header(r, RejectHeaderNames.ODS_DATASET))
                .containsExactly("card_transactions", "expense_reports", "card_transactions");
    }

    @Test
    void aReferenceUpdateOrDeletionIsSeenByLaterLookups() {
        reference("fx_rates", "USD", fin.rate("USD", 0.5));
        stage("expense_reports", "r-10", fin.report("r-10", "10", "USD", "D1", T1));
        reference("fx_rates", "USD", null);
        stage("expense_reports", "r-11", fin.report("r-11", "10", "USD", "D1", T1));

        assertThat(ods()).singleElement().satisfies(r -> assertThat(fields(fin.readEntity(r.value())).get("amount_eur")).isEqualTo(5.0));
        assertThat(rejected("expense_reports")).extracting(r -> header(r, RejectHeaderNames.REASON)).containsExactly("LOOKUP_MISSED");
    }

    @Test
    void theZonesRecordTransformerRunsAfterTheMappingsAndMayReject() {
        stage("card_transactions", "t-20", fin.card("t-20", "x-20", 33.333, "EUR", "D1", T1));
        stage("card_transactions", "t-21", fin.card("t-21", "x-21", -5.0, "EUR", "D1", T1));

        assertThat(ods()).singleElement().satisfies(r -> assertThat(fields(fin.readEntity(r.value())).get("amount_eur")).isEqualTo(33.33));
        assertThat(rejected("card_transactions")).singleElement().satisfies(r -> {
            assertThat(header(r, RejectHeaderNames.REASON)).isEqualTo("MAPPING_FAILED");
            assertThat(header(r, RejectHeaderNames.FIELD)).isEqualTo("amount_eur");
            assertThat(header(r, RejectHeaderNames.MESSAGE)).contains("transformer cents rejected the record")
                    .contains("card_transactions amount cannot be negative");
        });
    }

    @Test
    void anEntityWithOneSourceIsUpsertedInItsMappingApplication() {
        assertThat(fin.pipelines(new OdsCounters())).extracting(OdsPipelines.Pipeline::applicationId)
                .doesNotContain(OdsPipelines.upsertApplicationId("fin", "card_payment"));
        stage("card_transactions", "t-30", fin.card("t-30", "x-30", 1.0, "EUR", "D1", T1));
        stage("card_transactions", "t-30", fin.card("t-30", "x-30", 2.0, "EUR", "D1", T1 + 1));
        stage("card_transactions", "t-30", fin.card("t-30", "x-30", 2.0, "EUR", "D1", T1 + 1)); // duplicate

        List<TestRecord<byte[], byte[]>> payments = mappers.get("card_transactions").createOutputTopic("fin.ods.card_payment",
                new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
        assertThat(payments).extracting(r -> fields(fin.readEntity(r.value())).get("amount")).containsExactly(1.0, 2.0);
        assertThat(payments).allSatisfy(r -> assertThat(text(r.key())).isEqualTo("t-30"));
        assertThat(counters.get("dropped", "fin", "card_payment", null, null)).isEqualTo(1);
    }

    @Test
    void aSingleSourceEntityRebuildsItsVersionsFromItsOdsTopicWhenItsTaskStarts() {
        // What earlier runs left in fin.ods.card_payment: t-1 from this task's staging partition (0) below the first
        // offset it will process (1); t-2 at that offset (an aborted write: the staging record is processed again);
        // t-3 from another task's partition.
        List<ConsumerRecord<byte[], byte[]>> written = List.of(odsRecord("t-1", 0, 0, T1 + 5), odsRecord("t-2", 0, 1, T1 + 5),
                odsRecord("t-3", 1, 0, T1 + 5));
        List<Map<String, Object>> reads = new ArrayList<>();
        OdsPipelines.Pipeline cards = fin.pipelines(counters, VersionStore.ODS_TOPIC, (topic, config, each) -> {
            assertThat(topic).isEqualTo("fin.ods.card_payment");
            reads.add(config);
            written.forEach(each);
        }).stream().filter(p -> "card_transactions".equals(p.dataset())).findFirst().orElseThrow();
        assertThat(cards.topology().describe().toString()).doesNotContain(OdsTopology.latestVersionsStore("card_payment"));

        try (TopologyTestDriver driver = new TopologyTestDriver(cards.topology(), props(cards.applicationId() + "-rebuilt"))) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("fin.staging.card_transactions", new ByteArraySerializer(),
                    new ByteArraySerializer());
            input.pipeInput(utf8("bad"), utf8("not avro")); // offset 0: rejected, never reaches the upsert
            input.pipeInput(utf8("t-1"), fin.wire("card_transactions", fin.card("t-1", "x-1", 1.0, "EUR", "D1", T1 + 5))); // duplicate
            input.pipeInput(utf8("t-1"), fin.wire("card_transactions", fin.card("t-1", "x-1", 1.0, "EUR", "D1", T1 + 4))); // older
            input.pipeInput(utf8("t-2"), fin.wire("card_transactions", fin.card("t-2", "x-2", 2.0, "EUR", "D1", T1 + 5)));
            input.pipeInput(utf8("t-3"), fin.wire("card_transactions", fin.card("t-3", "x-3", 3.0, "EUR", "D1", T1 + 5)));
            input.pipeInput(utf8("t-1"), fin.wire("card_transactions", fin.card("t-1", "x-1", 4.0, "EUR", "D1", T1 + 6))); // newer

            List<TestRecord<byte[], byte[]>> payments = driver.createOutputTopic("fin.ods.card_payment", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList();
            assertThat(payments).extracting(r -> text(r.key())).containsExactly("t-2", "t-3", "t-1");
            assertThat(payments).extracting(r -> fields(fin.readEntity(r.value())).get("amount")).containsExactly(2.0, 3.0, 4.0);
        }
        assertThat(counters.get("dropped", "fin", "card_payment", null, null)).isEqualTo(2);
        assertThat(reads).as("rebuilt once, when the first record reached the upsert").hasSize(1);
        assertThat(reads.get(0)).containsEntry("bootstrap.servers", List.of("unused:9092")).containsEntry("isolation.level", "read_uncommitted")
                .doesNotContainKey("group.id");
    }

    /** An ods record as the upsert writes it: source staging partition and offset, version, priority 0. */
    private static ConsumerRecord<byte[], byte[]> odsRecord(String key, int partition, long offset, long version) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("fin.ods.card_payment", 0, 0L, utf8(key), utf8("value"));
        OdsHeaders.mapped("card_transactions", "fin.staging.card_transactions", partition, offset, version, 0)
                .forEach(h -> record.headers().add(h));
        return record;
    }
}
