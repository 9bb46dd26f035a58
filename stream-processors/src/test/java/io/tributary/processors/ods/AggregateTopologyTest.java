package io.tributary.processors.ods;

import static io.tributary.processors.ods.OdsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.EntitySpec;
import io.tributary.registry.client.WireFormat;

/**
 * The {@code daily_spend_by_department} aggregate of the {@code fin} test zone: sum, count, max,
 * min and avg per department and day; updates and moves of entity versions, late data within the
 * grace period updating a row, data after it left out.
 */
class AggregateTopologyTest {
    private static final long DAY = 86_400_000L;
    private static final long DAY1 = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path stateDir;

    private OdsFixture fin;
    private OdsCounters counters;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> expenses;
    private TestOutputTopic<String, byte[]> rows;
    private Schema rowSchema;
    /** The latest row per key, as the compacted topic keeps it; null for a deleted row. */
    private final Map<String, String> latest = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        fin = new OdsFixture(new MemoryRegistry());
        counters = new OdsCounters();
        OdsPipelines.Pipeline pipeline = fin.pipelines(counters).stream()
                .filter(p -> p.applicationId().equals(OdsPipelines.analyticalApplicationId("fin", "daily_spend_by_department")))
                .findFirst().orElseThrow();
        AnalyticalSpec output = fin.zone.analytical().stream().filter(a -> a.name().equals("daily_spend_by_department")).findFirst()
                .orElseThrow();
        rowSchema = output.schema();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, pipeline.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(pipeline.topology(), props);
        expenses = driver.createInputTopic("fin.ods.expense", new ByteArraySerializer(), new ByteArraySerializer());
        rows = driver.createOutputTopic("fin.analytical.daily_spend_by_department", new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void expense(String id, String department, double eur, long at) {
        EntitySpec entity = fin.zone.entity("expense").orElseThrow();
        GenericData.Record r = new GenericData.Record(entity.schema());
        r.put("expense_id", id);
        r.put("amount", eur);
        r.put("currency", "EUR");
        r.put("amount_eur", eur);
        r.put("department", department);
        r.put("source_system", "reports");
        r.put("submitted_at", at);
        expenses.pipeInput(utf8(id), WireFormat.encode(fin.entityIds.get("fin.ods.expense-value"), entity.schema(), r));
        for (TestRecord<String, byte[]> row : rows.readRecordsToList()) {
            latest.put(row.key(), row.value() == null ? null : describe((GenericRecord) WireFormat.decode(row.value(), rowSchema)));
        }
    }

    private static String describe(GenericRecord row) {
        return "total=" + row.get("total_eur") + " claims=" + row.get("claims") + " max=" + row.get("largest_eur") + " min="
                + row.get("smallest_eur") + " avg=" + row.get("average_eur") + " [" + Instant.ofEpochMilli((Long) row.get("window_start"))
                + ", " + Instant.ofEpochMilli((Long) row.get("window_end")) + ") rev " + row.get("revision");
    }

    @Test
    void measuresPerGroupAndWindowFollowNewVersionsOfTheirRecords() {
        expense("e-1", "Sales", 10.0, DAY1 + 1_000);
        expense("e-2", "Sales", 20.0, DAY1 + 2_000);
        assertThat(latest).containsExactly(Map.entry("Sales|2024-05-01T00:00:00Z",
                "total=30.0 claims=2 max=20.0 min=10.0 avg=15.0 [2024-05-01T00:00:00Z, 2024-05-02T00:00:00Z) rev 2"));

        expense("e-1", "Sales", 15.0, DAY1 + 3_000);          // a newer version: replaces its old contribution
        assertThat(latest.get("Sales|2024-05-01T00:00:00Z")).startsWith("total=35.0 claims=2 max=20.0 min=15.0 avg=17.5");

        expense("e-2", "Research", 20.0, DAY1 + 4_000);       // moves to another group
        // Each change of a row raises its revision (the old version out, then the new one in: two changes).
        assertThat(latest).containsEntry("Sales|2024-05-01T00:00:00Z", "total=15.0 claims=1 max=15.0 min=15.0 avg=15.0 "
                + "[2024-05-01T00:00:00Z, 2024-05-02T00:00:00Z) rev 5");
        assertThat(latest.get("Research|2024-05-01T00:00:00Z")).startsWith("total=20.0 claims=1");

        expense("e-2", "Research", 20.0, DAY1 + DAY + 5_000); // moves to the next day: its old row is empty and deleted
        assertThat(latest).containsEntry("Research|2024-05-01T00:00:00Z", null);
        assertThat(latest.get("Research|2024-05-02T00:00:00Z")).startsWith("total=20.0 claims=1");

        expense("e-3", "Research", 8.0, DAY1 + 6_000);        // the emptied row comes back: after its older versions
        assertThat(latest.get("Research|2024-05-01T00:00:00Z")).isEqualTo("total=8.0 claims=1 max=8.0 min=8.0 avg=8.0 "
                + "[2024-05-01T00:00:00Z, 2024-05-02T00:00:00Z) rev 3");
    }

    @Test
    void lateDataWithinTheGracePeriodUpdatesItsWindowAndLaterDataIsLeftOut() {
        expense("e-1", "Sales", 10.0, DAY1 + 1_000);
        expense("e-2", "Sales", 5.0, DAY1 + DAY + 12 * 3_600_000L);   // stream time: day 2, 12:00
        expense("e-3", "Sales", 7.0, DAY1 + 2_000);                   // late for day 1, within the grace period (until day 3)
        assertThat(latest.get("Sales|2024-05-01T00:00:00Z")).startsWith("total=17.0 claims=2");

        expense("e-4", "Sales", 1.0, DAY1 + 2 * DAY + 1);             // stream time: day 3: day 1 is closed
        expense("e-5", "Sales", 100.0, DAY1 + 3_000);                 // too late
        assertThat(latest.get("Sales|2024-05-01T00:00:00Z")).startsWith("total=17.0 claims=2");
        assertThat(counters.get("dropped", "fin", "daily_spend_by_department", null, null)).isEqualTo(1);
    }
}
