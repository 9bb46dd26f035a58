package io.tributary.connect.source.it;

import static io.tributary.connect.source.it.IngressPlatform.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.support.WorkerProcess;
import io.tributary.model.PlatformTopics;
import io.tributary.model.RejectHeaderNames;

/**
 * A Connect worker process (plugin loaded from target/connect-plugins, exactly-once source
 * support on, a transaction per poll) killed with SIGKILL in the middle of a 30,000-row file, then
 * started again: the task resumes at the row offset committed with the last transaction, and every
 * row is in landing exactly once, the batch end marker once, on the last row.
 */
class IngressWorkerKilledMidFileIT {
    private static final int ROWS = 30_000;

    @Test
    void aWorkerKilledMidFileResumesWithoutLossOrDuplicate() throws Exception {
        IngressPlatform platform = IngressPlatform.get();
        String topic = "finance.landing.big";
        platform.createTopics(topic, PlatformTopics.batches("finance"));
        StringBuilder csv = new StringBuilder("row_id,description,amount\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(i).append(",expense claim number ").append(i).append(',').append(i % 1000).append(".25\n");
        }
        String eTag = platform.upload("finance/big/claims.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        Map<String, String> overrides = Map.of("exactly.once.source.support", "enabled");
        WorkerProcess worker = WorkerProcess.start(platform.dir.resolve("killed-worker"), "ingress-killed", platform.kafka,
                "256m", overrides);
        Map<String, String> config = platform.connectorConfig("finance");
        config.put("transaction.boundary", "poll");
        config.put("rows.per.poll", "200");
        config.put("listing.interval.ms", "3600000");
        worker.rest().putConnectorConfig("finance-big", config);

        // Some transactions committed, the file not finished: kill.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> committedCount(platform, topic) >= 500);
        worker.kill();
        long atKill = committedCount(platform, topic);
        assertThat(atKill).as("rows committed when the worker was killed").isLessThan(ROWS);

        WorkerProcess restarted = WorkerProcess.start(platform.dir.resolve("killed-worker"), "ingress-killed",
                platform.kafka, "256m", overrides);
        try {
            List<ConsumerRecord<byte[], byte[]>> records;
            try {
                records = platform.readCommitted(topic, ROWS, Duration.ofSeconds(180));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the restarted worker's log:\n" + restarted.logTail(), e);
            }
            java.util.Map<Integer, List<Long>> offsetsById = new java.util.TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                offsetsById.computeIfAbsent(Integer.parseInt(value.replaceAll(".*\"row_id\":\"(\\d+)\".*", "$1")), k -> new java.util.ArrayList<>())
                        .add(r.offset());
            }
            var duplicates = offsetsById.entrySet().stream().filter(e -> e.getValue().size() > 1).toList();
            assertThat(duplicates).as(() -> "rows landed twice (row id=[kafka offsets]), " + duplicates.size() + " of them, committed at kill "
                    + atKill + "; killed worker's log:\n" + worker.logTail() + "\nrestarted worker's log:\n" + restarted.logTail()).isEmpty();
            assertThat(records).hasSize(ROWS);
            Set<Integer> ids = new TreeSet<>();
            int ends = 0;
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                ids.add(Integer.parseInt(value.replaceAll(".*\"row_id\":\"(\\d+)\".*", "$1")));
                assertThat(header(r, RejectHeaderNames.BATCH_ID)).isEqualTo("claims.csv@" + eTag);
                if (header(r, RejectHeaderNames.BATCH_END) != null) {
                    ends++;
                    assertThat(header(r, RejectHeaderNames.BATCH_END)).isEqualTo(String.valueOf(ROWS));
                }
            }
            assertThat(ids).hasSize(ROWS);
            assertThat(ends).isEqualTo(1);
            assertThat(header(records.get(ROWS - 1), RejectHeaderNames.BATCH_END)).isEqualTo(String.valueOf(ROWS));
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.exists("_processed/finance/big/claims.csv"));
        } finally {
            restarted.close();
        }
    }

    /** The last stable offset of the topic's partition: what read_committed readers can see (markers included). */
    private static long committedCount(IngressPlatform platform, String topic) {
        try (Admin admin = Admin.create(platform.kafka.clientConfig())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
