package io.tributary.connect.s3.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.support.LakePlatform;
import io.tributary.connect.s3.support.WorkerProcess;
import io.tributary.registry.client.WireFormat;

/**
 * 2,000 output partitions open at once in a worker whose whole heap is 128 MB and whose task may
 * buffer 5 MB of records (a 16 MB budget less a 1 MB row group and two 5 MB parts): buffers spill
 * to local disk instead of running out of memory or cutting small files, and every record lands once.
 */
class ManyOpenPartitionsIT {
    private static final String TOPIC = "finance.staging.accounts";
    private static final String CONNECTOR = "many-partitions";
    private static final String PREFIX = "staging/finance/accounts/";
    private static final int ACCOUNTS = 2_000;
    private static final int PER_ACCOUNT = 10;
    private static final Schema SCHEMA = SchemaBuilder.record("Movement").namespace("finance").fields()
            .requiredString("id").requiredString("account").requiredInt("cents").requiredString("note").endRecord();

    @Test
    void twoThousandOpenPartitionsFitASmallHeap() throws Exception {
        LakePlatform platform = LakePlatform.get();
        platform.createTopic(TOPIC, 1);
        int id = platform.register(TOPIC, SCHEMA);
        long ts = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
        for (int i = 0; i < ACCOUNTS * PER_ACCOUNT; i++) {
            GenericRecord r = new GenericData.Record(SCHEMA);
            r.put("id", "m" + i);
            r.put("account", "acc" + (i % ACCOUNTS));
            r.put("cents", i);
            r.put("note", "movement " + i + " " + "x".repeat(250));
            platform.sendAsync(TOPIC, 0, ts, WireFormat.encode(id, SCHEMA, r));
        }
        platform.flush();
        Map<String, String> config = platform.connectorConfig(TOPIC, null);
        config.put("partitioner", "field");
        config.put("partition.value.fields", "account");
        config.put("flush.size", "1000");
        config.put("rotate.schedule.interval.ms", "10000");
        config.put("memory.budget.bytes", String.valueOf(16 * 1024 * 1024));
        config.put("parquet.row.group.size", String.valueOf(1024 * 1024));
        config.put("s3.part.size", String.valueOf(5 * 1024 * 1024));

        try (WorkerProcess worker = WorkerProcess.start(Path.of("target", "it-logs", "many"), "many-connect",
                platform.kafka, "128m", Map.of())) {
            worker.rest().putConnectorConfig(CONNECTOR, config);
            AtomicLong peakOpen = new AtomicLong();
            AtomicLong spilled = new AtomicLong();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                String metrics = LakePlatform.metrics(worker.restUrl());
                peakOpen.accumulateAndGet(LakePlatform.metric(metrics, "open_files", CONNECTOR), Math::max);
                spilled.accumulateAndGet(LakePlatform.metric(metrics, "spilled_bytes", CONNECTOR), Math::max);
                assertThat(peakOpen.get()).isEqualTo(ACCOUNTS);
                assertThat(spilled.get()).as("buffers over the 5 MB left of the budget went to disk").isPositive();
            });
            assertThat(platform.lake.keys(PREFIX)).as("nothing rotated early").isEmpty();

            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(LakePlatform.metric(LakePlatform.metrics(worker.restUrl()), "files_committed_total", CONNECTOR))
                            .isEqualTo(ACCOUNTS));
            assertThat(worker.isAlive()).isTrue();
            assertThat(worker.rest().taskState(CONNECTOR, 0)).isEqualTo("RUNNING");
            List<String> keys = platform.lake.keys(PREFIX);
            assertThat(keys).hasSize(ACCOUNTS).allSatisfy(k -> assertThat(k).matches(PREFIX + "account=acc\\d+/" + TOPIC.replace(".", "\\.")
                    + "\\+0\\+\\d{20}\\.parquet"));
            List<Map<String, Object>> rows = platform.query(PREFIX, "SELECT id, account, cents FROM {lake}");
            assertThat(rows).hasSize(ACCOUNTS * PER_ACCOUNT);
            assertThat(rows).extracting(r -> r.get("id")).doesNotHaveDuplicates();
            assertThat(rows).allSatisfy(r -> assertThat(r.get("account")).isEqualTo("acc" + ((Number) r.get("cents")).intValue() % ACCOUNTS));
            worker.rest().delete(CONNECTOR);
        }
    }
}
