package io.tributary.connect.s3.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.support.LakePlatform;
import io.tributary.connect.s3.support.WorkerProcess;
import io.tributary.registry.client.WireFormat;

import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * A Connect worker process killed with SIGKILL while it uploads a file: its multipart upload is
 * left behind, nothing is committed to Kafka past the lake, and the worker started again aborts
 * the orphaned upload and lands every record exactly once (count and content compared).
 */
class WorkerKilledMidUploadIT {
    private static final String TOPIC = "finance.staging.blobs";
    private static final String CONNECTOR = "crash-sink";
    private static final String PREFIX = "staging/finance/blobs/";
    private static final int RECORDS = 18_000;
    private static final int PAYLOAD = 2_500;
    private static final java.nio.file.Path LOGS = java.nio.file.Path.of("target", "it-logs", "crash");
    private static final Schema SCHEMA = SchemaBuilder.record("Blob").namespace("finance").fields()
            .requiredString("id").requiredInt("n").requiredBytes("payload").endRecord();

    /** Random, so Parquet cannot compress it: each file of 6,000 records is about 15 MB,
     * uploaded in three parts, which leaves a wide enough window to kill the worker mid-upload. */
    private static byte[] payload(int n) {
        byte[] bytes = new byte[PAYLOAD];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    @Test
    void everyRecordIsInTheLakeExactlyOnceAfterAKillMidUpload() throws Exception {
        LakePlatform platform = LakePlatform.get();
        platform.createTopic(TOPIC, 1);
        int id = platform.register(TOPIC, SCHEMA);
        long ts = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
        for (int n = 0; n < RECORDS; n++) {
            GenericRecord r = new GenericData.Record(SCHEMA);
            r.put("id", "b" + n);
            r.put("n", n);
            r.put("payload", ByteBuffer.wrap(payload(n)));
            platform.sendAsync(TOPIC, 0, ts, WireFormat.encode(id, SCHEMA, r));
        }
        platform.flush();
        Map<String, String> config = platform.connectorConfig(TOPIC, null);
        config.put("flush.size", "6000");
        config.put("rotate.schedule.interval.ms", "-1");
        config.put("s3.part.size", String.valueOf(5 * 1024 * 1024));

        WorkerProcess first = WorkerProcess.start(LOGS, "crash-connect", platform.kafka,
                "512m", Map.of());
        first.rest().putConnectorConfig(CONNECTOR, config);
        // Kill it while a file is being uploaded, after at least one file is in the lake. The upload must be of a
        // file not yet visible: a completing upload is briefly listed beside its finished object. Polling alone
        // races the upload's last part, so the worker is frozen first, and killed only if it froze mid-upload.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).until(() -> {
            if (!midUpload()) {
                return false;
            }
            first.pause();
            Thread.sleep(300); // let requests already sent settle on the server
            if (midUpload()) {
                first.kill();
                return true;
            }
            first.resume();
            return false;
        });
        List<MultipartUpload> orphans = uploads();
        assertThat(orphans).as("the killed worker left its upload behind").isNotEmpty();
        int landedBeforeCrash = platform.lake.keys(PREFIX).size();
        assertThat(landedBeforeCrash).isBetween(1, 2);

        try (WorkerProcess second = WorkerProcess.start(LOGS, "crash-connect",
                platform.kafka, "512m", Map.of())) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(platform.lake.keys(PREFIX)).hasSize(3));
            // The last file's own upload may still be listed for a moment after its object appears (S3Proxy); the
            // orphan never goes away unless the restarted worker aborts it.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(uploads()).as("the orphaned upload was aborted").isEmpty());
            List<Map<String, Object>> rows = platform.query(PREFIX, "SELECT id, n, md5(payload) AS digest FROM {lake}");
            assertThat(rows).hasSize(RECORDS);
            assertThat(rows).extracting(r -> r.get("id")).doesNotHaveDuplicates();
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (Map<String, Object> row : rows) {
                int n = ((Number) row.get("n")).intValue();
                assertThat(row.get("id")).isEqualTo("b" + n);
                assertThat(row.get("digest")).as("payload of record " + n).isEqualTo(HexFormat.of().formatHex(md5.digest(payload(n))));
            }
            assertThat(platform.rowsPerFile(PREFIX).values()).containsOnly(6000L);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(LakePlatform.committedOffsets(second.rest(), CONNECTOR, TOPIC).get(0)).isEqualTo((long) RECORDS));
            second.rest().delete(CONNECTOR);
        }
    }

    /** At least one file is in the lake and an upload of a file not yet visible is under way. */
    private static boolean midUpload() {
        List<String> landed = LakePlatform.get().lake.keys(PREFIX);
        return !landed.isEmpty() && uploads().stream().anyMatch(u -> !landed.contains(u.key()));
    }

    private static List<MultipartUpload> uploads() {
        LakePlatform platform = LakePlatform.get();
        return platform.lake.client().listMultipartUploads(b -> b.bucket(LakePlatform.BUCKET).prefix(PREFIX)).uploads();
    }
}
