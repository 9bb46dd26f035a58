package io.tributary.connect.s3.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.connect.s3.commit.CheckpointStore;
import io.tributary.connect.s3.commit.CommitException;
import io.tributary.connect.s3.commit.CommittedFile;
import io.tributary.connect.s3.commit.FencedException;
import io.tributary.connect.s3.commit.FileCommitter;
import io.tributary.connect.s3.commit.FileLineage;
import io.tributary.connect.s3.commit.LakeResumePointFinder;
import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.parquet.FooterReader;
import io.tributary.connect.s3.parquet.KafkaColumns;
import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.parquet.ParquetFormat;
import io.tributary.connect.s3.parquet.ParquetSettings;
import io.tributary.connect.s3.partition.FieldValuePartitioner;
import io.tributary.connect.s3.partition.Granularity;
import io.tributary.connect.s3.partition.Partitioner;
import io.tributary.connect.s3.partition.RecordTimestampExtractor;
import io.tributary.connect.s3.partition.TimePartitioner;
import io.tributary.connect.s3.rotation.CompositeRotation;
import io.tributary.connect.s3.rotation.EventTimeSpanRotation;
import io.tributary.connect.s3.rotation.RecordBytesRotation;
import io.tributary.connect.s3.rotation.RecordCountRotation;
import io.tributary.connect.s3.rotation.RotationPolicy;
import io.tributary.connect.s3.rotation.WallClockRotation;
import io.tributary.connect.s3.schema.CompatibilityMode;
import io.tributary.connect.s3.schema.SchemaEvolution;
import io.tributary.connect.s3.spool.SpoolDirectory;
import io.tributary.connect.s3.support.InMemoryObjectStore;
import io.tributary.connect.s3.support.ParquetRows;
import io.tributary.connect.s3.support.TestValues;
import io.tributary.model.TopicName;

class LakeWriterTest {
    private static final String TOPIC = "finance.staging.expenses";
    private static final TopicName TOPIC_NAME = TopicName.parse(TOPIC);
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    private static final String DATASET = "staging/finance/expenses/";
    private static final String DAY1 = DATASET + "dt=2024-05-01/" + TOPIC + "+0+";
    private static final String DAY2 = DATASET + "dt=2024-05-02/" + TOPIC + "+0+";
    private static final String CHECKPOINT = "_tributary/checkpoints/" + DATASET + TOPIC + "+0.json";
    private static final long T1 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    private static final long T2 = Instant.parse("2024-05-02T10:00:00Z").toEpochMilli();
    private static final Schema V1 = SchemaBuilder.record("Expense").namespace("finance").fields().requiredString("id").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Expense").namespace("finance").fields().requiredString("id")
            .name("amount").type().doubleType().doubleDefault(-1).endRecord();
    private static final Schema INCOMPATIBLE = SchemaBuilder.record("Expense").namespace("finance").fields().requiredLong("id")
            .endRecord();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<CommittedFile> committed = new ArrayList<>();

    /** A writer as the task builds one, over the in-memory store. */
    private final class Builder {
        RotationPolicy rotation = new RecordCountRotation(3);
        Partitioner partitioner = new TimePartitioner(Granularity.DAILY, ZoneId.of("UTC"));
        CompatibilityMode compatibility = CompatibilityMode.NONE;
        long budget = Long.MAX_VALUE;
        MemoryOverflow overflow = MemoryOverflow.SPILL;
        KafkaColumns kafkaColumns = KafkaColumns.NONE;
        String writerId = "test/task-0";

        Builder flush(int n) {
            rotation = new RecordCountRotation(n);
            return this;
        }

        LakeWriter build() {
            WriterSettings settings = new WriterSettings(partitioner, new RecordTimestampExtractor(), rotation,
                    new SchemaEvolution(compatibility), budget, overflow, writerId);
            ObjectKeys keys = new ObjectKeys("", "parquet");
            ParquetFormat format = new ParquetFormat(new ParquetSettings(ParquetCodec.SNAPPY, 1024 * 1024, 64 * 1024), kafkaColumns);
            CheckpointStore checkpoints = new CheckpointStore(store, keys);
            return new LakeWriter(settings, new LakeResumePointFinder(store, keys, format, checkpoints, settings.layout(), writerId),
                    new FileCommitter(store, format, "lake", new io.tributary.connect.s3.commit.UploadPipeline(2, 1 << 20)), checkpoints, keys, new SpoolDirectory(dir.resolve("spool")),
                    committed::add, clock::get);
        }
    }

    private Builder writer() {
        return new Builder();
    }

    private static LakeRecord record(long offset, long timestamp) {
        return record(offset, timestamp, V1, 1);
    }

    private static LakeRecord record(long offset, long timestamp, Schema schema, long version) {
        GenericRecord value = new GenericData.Record(schema);
        value.put("id", schema == INCOMPATIBLE ? (Object) offset : "r" + offset);
        if (schema.getField("amount") != null) {
            value.put("amount", offset * 1.5);
        }
        return TestValues.record(TOPIC, 0, offset, timestamp, value, version);
    }

    /** Writes a record and waits for any commit it caused to be visible and recorded. */
    private static void write(LakeWriter writer, LakeRecord record) {
        writer.write(record);
        writer.awaitCommits();
    }

    private FileLineage lineage(String key) {
        return FileLineage.fromMap(key, new FooterReader(store).keyValueMetadata(key));
    }

    private JsonNode checkpoint() throws Exception {
        return JSON.readTree(store.getBytes(CHECKPOINT));
    }

    private static String key(String dayPrefix, long offset) {
        return dayPrefix + String.format("%020d", offset) + ".parquet";
    }

    /** Every id in the lake, with the file it is in. */
    private List<Map<String, Object>> rows() throws Exception {
        return ParquetRows.read(store, DATASET, dir, "id");
    }

    private List<String> ids() throws Exception {
        return rows().stream().map(r -> r.get("id").toString()).sorted().toList();
    }

    private static List<String> expectedIds(long from, long to) {
        List<String> ids = new ArrayList<>();
        for (long o = from; o < to; o++) {
            ids.add("r" + o);
        }
        return ids.stream().sorted().toList();
    }

    @Test
    void cutsFilesAtFlushSizeAndCommitsOnlyWhatIsInTheStore() throws Exception {
        LakeWriter w = writer().flush(3).build();
        assertThat(w.open(TP)).isEmpty();
        assertThat(w.committableOffsets()).as("nothing known yet").isEmpty();
        for (long o = 0; o < 7; o++) {
            write(w, record(o, T1));
        }
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0), key(DAY1, 3));
        assertThat(w.committableOffsets()).containsEntry(TP, 6L);
        assertThat(lineage(key(DAY1, 3))).isEqualTo(new FileLineage(TOPIC, 0, 3, 5, 3, 6, 6, "time:daily:UTC/kafka timestamp"));
        w.awaitCommits();
        assertThat(checkpoint().path("resumeOffset").asLong()).isEqualTo(6);
        assertThat(w.openFiles()).isEqualTo(1);
        assertThat(store.openUploads()).as("files are uploaded only when committed").isZero();
        assertThat(ids()).isEqualTo(expectedIds(0, 6));
        assertThat(committed).extracting(CommittedFile::records).containsExactly(3L, 3L);
    }

    @Test
    void lateRecordsGoToTheirOwnFolderWithoutRotatingTheCurrentOne() throws Exception {
        LakeWriter w = writer().flush(3).build();
        w.open(TP);
        // Day 2 is current; offsets 2 and 5 are late records of day 1.
        long[] times = {T2, T2, T1, T2, T2, T1, T2, T2};
        for (int o = 0; o < times.length; o++) {
            write(w, record(o, times[o]));
        }
        assertThat(store.keys(DATASET)).as("day 2 rotated at 3 records each time; day 1 is still filling")
                .containsExactly(key(DAY2, 0), key(DAY2, 4));
        assertThat(lineage(key(DAY2, 0)).records()).isEqualTo(3);
        assertThat(lineage(key(DAY2, 4)).records()).isEqualTo(3);
        assertThat(w.committableOffsets()).as("the open late file holds offset 2").containsEntry(TP, 2L);
        w.awaitCommits();
        assertThat(checkpoint().path("covered").path("dt=2024-05-02").asLong()).as("day 2 is in the lake up to offset 8")
                .isEqualTo(8);
        write(w, record(8, T1));
        assertThat(store.keys(DATASET)).contains(key(DAY1, 2));
        assertThat(lineage(key(DAY1, 2))).satisfies(l -> {
            assertThat(l.records()).isEqualTo(3);
            assertThat(l.coveredUntil()).isEqualTo(9);
        });
        assertThat(w.committableOffsets()).containsEntry(TP, 9L);
    }

    @Test
    void eventTimeSpanRecordBytesAndSchemaChangesRotateTheFile() throws Exception {
        Builder b = writer();
        b.rotation = new CompositeRotation(List.of(new RecordCountRotation(100), new EventTimeSpanRotation(60_000),
                new RecordBytesRotation(40)));
        LakeWriter w = b.build();
        w.open(TP);
        write(w, record(0, T1));
        write(w, record(1, T1 + 59_999));
        write(w, record(2, T1 + 60_000));
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0));
        write(w, record(3, T1 + 60_000, V2, 2));
        assertThat(store.keys(DATASET)).as("NONE: a new schema starts a new file").containsExactly(key(DAY1, 0), key(DAY1, 2));
        for (long o = 4; o < 8; o++) {
            write(w, record(o, T1 + 60_000, V2, 2));
        }
        assertThat(store.keys(DATASET)).as("each V2 record is 11 bytes: the file rotates at 40").contains(key(DAY1, 3));
        assertThat(lineage(key(DAY1, 3)).records()).isEqualTo(4);
    }

    @Test
    void backwardCompatibilityRotatesToNewerSchemasAndProjectsOlderRecords() throws Exception {
        Builder b = writer().flush(4);
        b.compatibility = CompatibilityMode.BACKWARD;
        LakeWriter w = b.build();
        w.open(TP);
        write(w, record(0, T1, V1, 1));
        write(w, record(1, T1, V2, 2));
        assertThat(store.keys(DATASET)).as("a newer schema that reads the file's records starts a new file")
                .containsExactly(key(DAY1, 0));
        write(w, record(2, T1, V1, 1));
        assertThatThrownBy(() -> write(w, record(3, T1, INCOMPATIBLE, 3)))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("BACKWARD").hasMessageContaining("finance.Expense v3")
                .satisfies(e -> assertThat(((BadRecordException) e).reason()).isEqualTo(RejectReason.INCOMPATIBLE_SCHEMA));
        w.skip(TOPIC, 0, 3);
        write(w, record(4, T1, V2, 2));
        write(w, record(5, T1, V2, 2));
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0), key(DAY1, 1));
        List<Map<String, Object>> rows = ParquetRows.read(store, DAY1 + "00000000000000000001", dir, "id, amount");
        assertThat(rows).extracting(r -> r.get("id") + "=" + r.get("amount"))
                .as("the older record was projected into the newer schema with its default")
                .containsExactlyInAnyOrder("r1=1.5", "r2=-1.0", "r4=6.0", "r5=7.5");
    }

    @Test
    void forwardCompatibilityKeepsTheFilesSchemaAndDropsNewFields() throws Exception {
        Builder b = writer().flush(3);
        b.compatibility = CompatibilityMode.FORWARD;
        LakeWriter w = b.build();
        w.open(TP);
        write(w, record(0, T1, V1, 1));
        write(w, record(1, T1, V2, 2));
        write(w, record(2, T1, V1, 1));
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0));
        List<Map<String, Object>> rows = ParquetRows.read(store, DATASET, dir, "*");
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r).doesNotContainKey("amount"));
    }

    @Test
    void wallClockRotationLandsQuietFolders() throws Exception {
        Builder b = writer();
        b.rotation = new CompositeRotation(List.of(new RecordCountRotation(100), new WallClockRotation(5_000)));
        LakeWriter w = b.build();
        w.open(TP);
        write(w, record(0, T1));
        write(w, record(1, T2));
        clock.addAndGet(4_999);
        w.tick();
        assertThat(store.keys(DATASET)).isEmpty();
        clock.addAndGet(1);
        w.tick();
        w.awaitCommits();
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0), key(DAY2, 1));
        assertThat(w.committableOffsets()).containsEntry(TP, 2L);
        w.awaitCommits();
        assertThat(checkpoint().path("resumeOffset").asLong()).isEqualTo(2);
    }

    @Test
    void badRecordsMoveTheOffsetsOnWithoutBeingWritten() throws Exception {
        LakeWriter w = writer().flush(2).build();
        w.open(TP);
        w.skip(TOPIC, 0, 0);
        assertThat(w.committableOffsets()).as("nothing open: the reported record is done").containsEntry(TP, 1L);
        write(w, record(1, T1));
        w.skip(TOPIC, 0, 2);
        assertThat(w.committableOffsets()).containsEntry(TP, 1L);
        write(w, record(3, T1));
        assertThat(lineage(key(DAY1, 1))).satisfies(l -> {
            assertThat(l.records()).isEqualTo(2);
            assertThat(l.lastOffset()).isEqualTo(3);
        });
        assertThat(w.committableOffsets()).containsEntry(TP, 4L);
        w.skip(TOPIC, 0, 4);
        w.checkpointProgress();
        w.awaitCommits();
        assertThat(checkpoint().path("resumeOffset").asLong()).as("progress without a commit is checkpointed too").isEqualTo(5);
    }

    @Test
    void resumesFromTheCheckpointAndIgnoresRedeliveredRecords() throws Exception {
        LakeWriter first = writer().flush(3).build();
        first.open(TP);
        for (long o = 0; o < 5; o++) {
            write(first, record(o, T1));
        }
        first.close();
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0));

        LakeWriter second = writer().flush(2).build();
        assertThat(second.open(TP)).isEqualTo(OptionalLong.of(3));
        for (long o = 0; o < 5; o++) {
            write(second, record(o, T1));
        }
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0), key(DAY1, 3));
        assertThat(ids()).isEqualTo(expectedIds(0, 5));
    }

    @Test
    void recordsOfFoldersAlreadyInTheLakeAreSkippedWhenReadAgain() throws Exception {
        LakeWriter first = writer().flush(3).build();
        first.open(TP);
        // Day 1 opens at 0 and stays open; day 2 commits [1, 2, 4] and [5, 6, 7], then opens at 8.
        long[] times = {T1, T2, T2, T1, T2, T2, T2, T2, T2};
        for (int o = 0; o < times.length; o++) {
            write(first, record(o, times[o]));
        }
        assertThat(first.committableOffsets()).containsEntry(TP, 0L);
        first.close();

        LakeWriter second = writer().flush(3).build();
        assertThat(second.open(TP)).as("day 1's records were never committed").isEqualTo(OptionalLong.of(0));
        for (int o = 0; o < times.length; o++) {
            write(second, record(o, times[o]));
        }
        write(second, record(9, T1));
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0), key(DAY2, 1), key(DAY2, 5));
        assertThat(ids()).as("day 2's records are in the lake once; offset 8 is still open")
                .isEqualTo(expectedIds(0, 10).stream().filter(id -> !id.equals("r8")).toList());
    }

    @Test
    void aCommitTheCheckpointMissedIsRewrittenUnderTheSameKey() throws Exception {
        LakeWriter first = writer().flush(3).build();
        first.open(TP);
        for (long o = 0; o < 3; o++) {
            write(first, record(o, T1));
        }
        first.awaitCommits();
        byte[] stale = store.getBytes(CHECKPOINT);
        for (long o = 3; o < 6; o++) {
            write(first, record(o, T1));
        }
        first.awaitCommits();
        // The task dies after completing the second file, before its checkpoint write.
        store.put(CHECKPOINT, stale);
        first.close();

        LakeWriter second = writer().flush(2).build();
        assertThat(second.open(TP)).isEqualTo(OptionalLong.of(3));
        for (long o = 3; o < 8; o++) {
            write(second, record(o, T1));
        }
        assertThat(store.keys(DATASET)).containsExactly(key(DAY1, 0), key(DAY1, 3), key(DAY1, 5));
        assertThat(lineage(key(DAY1, 3)).records()).as("rewritten, cut at the new flush size").isEqualTo(2);
        assertThat(ids()).isEqualTo(expectedIds(0, 7));
    }

    @Test
    void aLostCheckpointIsRebuiltFromTheFilesMetadata() throws Exception {
        LakeWriter first = writer().flush(2).build();
        first.open(TP);
        long[] times = {T1, T2, T2, T1, T1};
        for (int o = 0; o < times.length; o++) {
            write(first, record(o, times[o]));
        }
        first.close();
        // Day 2 holds [1, 2] (covered until 3); day 1 holds [0, 3] (covered until 4); offset 4 was open.
        store.delete(List.of(CHECKPOINT));

        LakeWriter second = writer().flush(2).build();
        assertThat(second.open(TP)).isEqualTo(OptionalLong.of(4));
        second.awaitCommits();
        assertThat(checkpoint().path("resumeOffset").asLong()).isEqualTo(4);
        assertThat(checkpoint().path("writer").asText()).isEqualTo("test/task-0");
    }

    @Test
    void aDifferentLayoutWithFoldersBeyondTheResumePointIsRefused() throws Exception {
        LakeWriter first = writer().flush(2).build();
        first.open(TP);
        long[] times = {T1, T2, T2};
        for (int o = 0; o < times.length; o++) {
            write(first, record(o, times[o]));
        }
        first.close();
        Builder hourly = writer();
        hourly.partitioner = new TimePartitioner(Granularity.HOURLY, ZoneId.of("UTC"));
        assertThatThrownBy(() -> hourly.build().open(TP)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("time:daily:UTC").hasMessageContaining("time:hourly:UTC").hasMessageContaining("dt=2024-05-02");
    }

    @Test
    void orphanedUploadsOfThePartitionAreAbortedWhenItIsOpened() {
        store.newUpload(key(DAY1, 7), "x");
        store.newUpload(DATASET + "dt=2024-05-01/" + TOPIC + "+1+00000000000000000007.parquet", "x");
        writer().build().open(TP);
        assertThat(store.pendingUploads(DATASET)).as("partition 1's upload is not this task's to abort").singleElement()
                .satisfies(u -> assertThat(u.key()).contains("+1+"));
    }

    @Test
    void aFileWhoseUploadFailsIsNeverCountedAsDurable() {
        LakeWriter w = writer().flush(2).build();
        w.open(TP);
        store.failCompletionsAfter(0);
        w.write(record(0, T1));
        w.write(record(1, T1));
        assertThat(w.committableOffsets()).as("uploading: not durable yet").containsEntry(TP, 0L);
        assertThatThrownBy(w::awaitCommits).isInstanceOf(CommitException.class).hasMessageContaining("injected failure");
        assertThat(store.keys(DATASET)).isEmpty();
        assertThat(store.openUploads()).as("the failed upload was aborted").isZero();
        assertThat(w.committableOffsets()).as("never durable").containsEntry(TP, 0L);
        assertThatThrownBy(() -> w.write(record(2, T1))).isInstanceOf(CommitException.class);
    }

    @Test
    void aSecondWriterOfThePartitionIsFenced() {
        LakeWriter a = writer().flush(1).build();
        a.open(TP);
        a.write(record(0, T1));
        a.awaitCommits();
        Builder zombie = writer().flush(1);
        zombie.writerId = "test/task-1";
        LakeWriter b = zombie.build();
        b.open(TP);
        a.write(record(1, T1));
        a.awaitCommits();
        b.write(record(1, T1));
        assertThatThrownBy(b::awaitCommits).isInstanceOf(FencedException.class).hasMessageContaining("another writer");
        assertThatThrownBy(() -> b.write(record(2, T1))).as("a fenced writer commits nothing more")
                .isInstanceOf(FencedException.class);
        assertThat(store.keys(DATASET)).doesNotContain(key(DAY1, 2));
    }

    @Test
    void overTheBudgetTheLargestBuffersAreSpilledAndFilesKeepTheirSize() throws Exception {
        Builder b = writer().flush(50);
        b.budget = 16 * 1024;
        b.partitioner = new FieldValuePartitioner(List.of("id"));
        LakeWriter w = b.build();
        w.open(TP);
        Schema wide = SchemaBuilder.record("Expense").namespace("finance").fields().requiredString("id").requiredString("text")
                .endRecord();
        for (long o = 0; o < 500; o++) {
            GenericRecord v = new GenericData.Record(wide);
            v.put("id", "k" + o % 10);
            v.put("text", "x".repeat(200) + o);
            write(w, TestValues.record(TOPIC, 0, o, T1, v, 1));
            assertThat(w.bufferedBytes()).isLessThanOrEqualTo(16 * 1024 + 4096);
        }
        assertThat(w.spillCount()).isPositive();
        assertThat(store.keys(DATASET)).as("ten folders, each file at flush.size").hasSize(10);
        assertThat(committed).allSatisfy(f -> assertThat(f.records()).isEqualTo(50));
        List<Map<String, Object>> rows = ParquetRows.read(store, DATASET, dir, "id, text");
        assertThat(rows).hasSize(500);
        assertThat(rows).extracting(r -> r.get("text").toString().substring(200)).doesNotHaveDuplicates();
        try (Stream<Path> left = Files.list(dir.resolve("spool"))) {
            assertThat(left).as("spool files are removed once committed").isEmpty();
        }
    }

    @Test
    void overTheBudgetWithOverflowCommitTheLargestFilesAreCommittedEarly() {
        Builder b = writer().flush(1_000);
        b.budget = 8 * 1024;
        b.overflow = MemoryOverflow.COMMIT;
        LakeWriter w = b.build();
        w.open(TP);
        for (long o = 0; o < 300; o++) {
            GenericRecord v = new GenericData.Record(V1);
            v.put("id", "x".repeat(100) + o);
            write(w, TestValues.record(TOPIC, 0, o, T1, v, 1));
        }
        assertThat(store.keys(DATASET)).hasSizeGreaterThan(1);
        assertThat(w.bufferedBytes()).isLessThanOrEqualTo(8 * 1024 + 1024);
    }

    @Test
    void closingAPartitionDiscardsItsOpenFiles() throws Exception {
        Builder b = writer().flush(10);
        b.budget = 1;
        LakeWriter w = b.build();
        w.open(TP);
        write(w, record(0, T1));
        assertThat(w.spilledBytes()).isPositive();
        w.close(List.of(TP));
        assertThat(store.keys(DATASET)).isEmpty();
        assertThat(w.committableOffsets()).isEqualTo(Map.of());
        assertThat(w.spilledBytes()).isZero();
        assertThat(w.bufferedBytes()).isZero();
    }

    @Test
    void kafkaColumnsAreAddedAndAClashingFieldIsRejected() throws Exception {
        Builder b = writer().flush(2);
        b.kafkaColumns = new KafkaColumns(java.util.EnumSet.allOf(KafkaColumns.Column.class));
        LakeWriter w = b.build();
        w.open(TP);
        write(w, record(0, T1));
        write(w, record(1, T1 + 1));
        List<Map<String, Object>> rows = ParquetRows.read(store, DATASET, dir, "id, kafka_topic, kafka_partition, kafka_offset,"
                + " epoch_ms(kafka_timestamp) AS ts");
        assertThat(rows).extracting(r -> r.get("id") + "@" + r.get("kafka_topic") + "/" + r.get("kafka_partition") + "/"
                + r.get("kafka_offset") + "/" + r.get("ts"))
                .containsExactly("r0@" + TOPIC + "/0/0/" + T1, "r1@" + TOPIC + "/0/1/" + (T1 + 1));
        Schema clash = SchemaBuilder.record("Expense").namespace("finance").fields().requiredString("id").requiredLong("kafka_offset")
                .endRecord();
        GenericRecord v = new GenericData.Record(clash);
        v.put("id", "x");
        v.put("kafka_offset", 1L);
        assertThatThrownBy(() -> write(w, TestValues.record(TOPIC, 0, 2, T1, v, 9))).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("kafka_offset").satisfies(e -> assertThat(((BadRecordException) e).reason())
                        .isEqualTo(RejectReason.UNWRITABLE));
        w.awaitCommits();
        assertThat(new String(store.getBytes(CHECKPOINT), StandardCharsets.UTF_8)).contains("\"resumeOffset\" : 2");
    }
}
