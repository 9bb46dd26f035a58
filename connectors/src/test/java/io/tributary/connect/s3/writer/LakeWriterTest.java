package io.tributary.connect.s3.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.commit.BatchCommitter;
import io.tributary.connect.s3.commit.FileLineage;
import io.tributary.connect.s3.commit.LakeResumePointFinder;
import io.tributary.connect.s3.parquet.FooterReader;
import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.parquet.ParquetSettings;
import io.tributary.connect.s3.partition.DailyPartitioner;
import io.tributary.connect.s3.partition.RecordTimestampExtractor;
import io.tributary.connect.s3.rotation.CompositeRotation;
import io.tributary.connect.s3.rotation.EventTimeSpanRotation;
import io.tributary.connect.s3.rotation.RecordCountRotation;
import io.tributary.connect.s3.rotation.RotationPolicy;
import io.tributary.connect.s3.rotation.WallClockRotation;
import io.tributary.connect.s3.support.InMemoryObjectStore;

class LakeWriterTest {
    private static final String TOPIC = "finance.staging.expenses";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    private static final String DAY1 = "staging/finance/expenses/dt=2024-05-01/" + TOPIC + "+0+";
    private static final String DAY2 = "staging/finance/expenses/dt=2024-05-02/" + TOPIC + "+0+";
    private static final long T1 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    private static final long T2 = Instant.parse("2024-05-02T10:00:00Z").toEpochMilli();
    private static final Schema V1 = SchemaBuilder.record("Expense").fields().requiredString("id").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Expense").fields().requiredString("id").optionalDouble("amount").endRecord();

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final AtomicLong clock = new AtomicLong(1_000);

    private LakeWriter writer(RotationPolicy rotation, long memoryBudget) {
        WriterSettings settings = new WriterSettings(new DailyPartitioner(ZoneId.of("UTC")), new RecordTimestampExtractor(), rotation,
                new ParquetSettings(ParquetCodec.SNAPPY, 1024 * 1024, 64 * 1024), memoryBudget);
        return new LakeWriter(settings, store, new LakeResumePointFinder(store), new BatchCommitter("lake"), clock::get);
    }

    private LakeWriter writer(int flushSize) {
        return writer(new RecordCountRotation(flushSize), Long.MAX_VALUE);
    }

    private static IncomingRecord record(long offset, long timestamp) {
        return record(offset, timestamp, V1);
    }

    private static IncomingRecord record(long offset, long timestamp, Schema schema) {
        GenericRecord value = new GenericData.Record(schema);
        value.put("id", "r" + offset);
        return new IncomingRecord(TOPIC, 0, offset, timestamp, value);
    }

    private FileLineage lineage(String key) {
        return FileLineage.fromMap(key, new FooterReader(store).keyValueMetadata(key));
    }

    private static String key(String dayPrefix, long offset) {
        return dayPrefix + String.format("%020d", offset) + ".parquet";
    }

    @Test
    void cutsFilesAtFlushSizeAndCommitsOnlyWhatIsInTheStore() throws Exception {
        LakeWriter w = writer(3);
        assertThat(w.open(TP)).isEmpty();
        assertThat(w.committableOffsets()).as("nothing known yet").isEmpty();
        for (long o = 0; o < 7; o++) {
            w.write(record(o, T1));
        }
        assertThat(store.keys()).containsExactly(key(DAY1, 0), key(DAY1, 3));
        assertThat(w.committableOffsets()).containsEntry(TP, 6L);
        assertThat(lineage(key(DAY1, 3))).isEqualTo(new FileLineage(TOPIC, 0, 3, 5, 3, 3, 6, 1));
        assertThat(store.openUploads()).isEqualTo(1);
    }

    @Test
    void onePartitionsFilesOfSeveralDaysAreCommittedAsOneBatch() throws Exception {
        LakeWriter w = writer(3);
        w.open(TP);
        w.write(record(0, T1));
        w.write(record(1, T2));
        w.write(record(2, T1));
        assertThat(store.keys()).isEmpty();
        assertThat(w.committableOffsets()).containsEntry(TP, 0L);
        w.write(record(3, T2));
        w.write(record(4, T1));
        // dt=2024-05-01 reached 3 records: both files of the batch are committed.
        assertThat(store.keys()).containsExactly(key(DAY1, 0), key(DAY2, 1));
        assertThat(lineage(key(DAY1, 0))).isEqualTo(new FileLineage(TOPIC, 0, 0, 4, 3, 0, 5, 2));
        assertThat(lineage(key(DAY2, 1))).isEqualTo(new FileLineage(TOPIC, 0, 1, 3, 2, 0, 5, 2));
        assertThat(w.committableOffsets()).containsEntry(TP, 5L);
    }

    @Test
    void eventTimeSpanAndSchemaChangeCloseTheBatch() throws Exception {
        LakeWriter w = writer(new CompositeRotation(List.of(new RecordCountRotation(100), new EventTimeSpanRotation(60_000))),
                Long.MAX_VALUE);
        w.open(TP);
        w.write(record(0, T1));
        w.write(record(1, T1 + 59_999));
        w.write(record(2, T1 + 60_000));
        assertThat(store.keys()).containsExactly(key(DAY1, 0));
        w.write(record(3, T1 + 60_000, V2));
        assertThat(store.keys()).containsExactly(key(DAY1, 0), key(DAY1, 2));
        assertThat(w.committableOffsets()).containsEntry(TP, 3L);
    }

    @Test
    void wallClockRotationLandsQuietPartitions() throws Exception {
        LakeWriter w = writer(new CompositeRotation(List.of(new RecordCountRotation(100), new WallClockRotation(5_000))), Long.MAX_VALUE);
        w.open(TP);
        w.write(record(0, T1));
        clock.addAndGet(4_999);
        w.tick();
        assertThat(store.keys()).isEmpty();
        clock.addAndGet(1);
        w.tick();
        assertThat(store.keys()).containsExactly(key(DAY1, 0));
        assertThat(w.committableOffsets()).containsEntry(TP, 1L);
    }

    @Test
    void badRecordsMoveTheOffsetsOnWithoutBeingWritten() throws Exception {
        LakeWriter w = writer(2);
        w.open(TP);
        w.skip(TOPIC, 0, 0);
        assertThat(w.committableOffsets()).as("nothing open: the reported record is done").containsEntry(TP, 1L);
        w.write(record(1, T1));
        w.skip(TOPIC, 0, 2);
        assertThat(w.committableOffsets()).containsEntry(TP, 1L);
        w.write(record(3, T1));
        assertThat(lineage(key(DAY1, 1))).isEqualTo(new FileLineage(TOPIC, 0, 1, 3, 2, 1, 4, 1));
        assertThat(w.committableOffsets()).containsEntry(TP, 4L);
    }

    @Test
    void resumesFromTheStoreAndIgnoresRedeliveredRecords() throws Exception {
        LakeWriter first = writer(3);
        first.open(TP);
        for (long o = 0; o < 5; o++) {
            first.write(record(o, T1));
        }
        first.close();
        assertThat(store.openUploads()).as("open batch discarded").isZero();
        assertThat(store.keys()).containsExactly(key(DAY1, 0));

        LakeWriter second = writer(2);
        assertThat(second.open(TP)).isEqualTo(OptionalLong.of(3));
        for (long o = 0; o < 5; o++) {
            second.write(record(o, T1));
        }
        assertThat(store.keys()).containsExactly(key(DAY1, 0), key(DAY1, 3));
        assertThat(lineage(key(DAY1, 3)).records()).isEqualTo(2);
        assertThat(lineage(key(DAY1, 0)).records()).isEqualTo(3);
    }

    @Test
    void memoryBudgetCommitsTheLargestPartitionEarly() throws Exception {
        LakeWriter w = writer(new RecordCountRotation(1_000_000), 64 * 1024);
        TopicPartition other = new TopicPartition(TOPIC, 1);
        w.open(TP);
        w.open(other);
        w.write(new IncomingRecord(TOPIC, 1, 0, T1, record(0, T1).value()));
        for (long o = 0; o < 5_000 && store.keys().stream().noneMatch(k -> k.contains("+0+")); o++) {
            GenericRecord big = new GenericData.Record(V1);
            big.put("id", "x".repeat(100) + o);
            w.write(new IncomingRecord(TOPIC, 0, o, T1, big));
        }
        assertThat(store.keys()).as("partition 0 committed early, partition 1 still open")
                .singleElement().asString().startsWith(DAY1);
        assertThat(w.committableOffsets().get(TP)).isGreaterThan(0L);
        assertThat(w.committableOffsets()).containsEntry(other, 0L);
    }

    @Test
    void closingAPartitionDiscardsItsOpenFiles() throws Exception {
        LakeWriter w = writer(10);
        w.open(TP);
        w.write(record(0, T1));
        w.close(List.of(TP));
        assertThat(store.keys()).isEmpty();
        assertThat(store.openUploads()).isZero();
        assertThat(w.committableOffsets()).isEqualTo(Map.of());
    }
}
