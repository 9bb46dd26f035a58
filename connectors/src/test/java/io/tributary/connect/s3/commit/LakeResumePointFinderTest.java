package io.tributary.connect.s3.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.parquet.ParquetFileWriter;
import io.tributary.connect.s3.parquet.ParquetSettings;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.support.InMemoryObjectStore;
import io.tributary.model.TopicName;

class LakeResumePointFinderTest {
    private static final TopicName TOPIC = TopicName.parse("finance.staging.expenses");
    private static final Schema SCHEMA = SchemaBuilder.record("E").fields().requiredString("id").endRecord();

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final LakeResumePointFinder finder = new LakeResumePointFinder(store);

    /** Writes a one-record file of a batch, as the committer would. */
    private String file(String day, int partition, long first, long batchStart, long batchEnd, int batchFiles) throws IOException {
        String key = ObjectKeys.key(TOPIC, "dt=" + day, partition, first);
        ObjectUpload upload = store.newUpload(key);
        ParquetFileWriter w = new ParquetFileWriter(upload, SCHEMA, new ParquetSettings(ParquetCodec.UNCOMPRESSED, 1 << 20, 1 << 16));
        GenericData.Record r = new GenericData.Record(SCHEMA);
        r.put("id", "x");
        w.write(r);
        w.finish(new FileLineage(TOPIC.toString(), partition, first, first, 1, batchStart, batchEnd, batchFiles).toMap());
        upload.complete();
        return key;
    }

    @Test
    void nothingInTheLakeMeansNoResumePoint() {
        assertThat(finder.resumeOffset(TOPIC, 0)).isEmpty();
    }

    @Test
    void resumesAtTheEndOfTheLatestCompleteBatchOfThatPartition() throws IOException {
        file("2024-05-01", 0, 0, 0, 10, 1);
        file("2024-05-01", 0, 10, 10, 25, 2);
        file("2024-05-02", 0, 12, 10, 25, 2);
        file("2024-05-03", 1, 500, 500, 900, 1);
        assertThat(finder.resumeOffset(TOPIC, 0)).isEqualTo(OptionalLong.of(25));
        assertThat(finder.resumeOffset(TOPIC, 1)).isEqualTo(OptionalLong.of(900));
        assertThat(finder.resumeOffset(TOPIC, 2)).isEmpty();
    }

    @Test
    void anIncompleteBatchIsDeletedAndThePreviousOneDecides() throws IOException {
        String kept = file("2024-05-01", 0, 0, 0, 10, 1);
        // Batch [10, 25) has 3 files but only 2 were completed before a crash.
        String orphan1 = file("2024-05-01", 0, 10, 10, 25, 3);
        String orphan2 = file("2024-05-03", 0, 20, 10, 25, 3);
        assertThat(finder.resumeOffset(TOPIC, 0)).isEqualTo(OptionalLong.of(10));
        assertThat(store.keys()).containsExactly(kept).doesNotContain(orphan1, orphan2);
    }

    @Test
    void anObjectNotWrittenByTheSinkStopsWithItsKey() {
        String key = ObjectKeys.key(TOPIC, "dt=2024-05-01", 0, 0);
        store.put(key, "not parquet at all".getBytes());
        assertThatThrownBy(() -> finder.resumeOffset(TOPIC, 0)).hasMessageContaining(key).hasMessageContaining("not a Parquet file");
    }

    @Test
    void lineageWithoutTheSinksKeysNamesTheMissingKey() {
        assertThatThrownBy(() -> FileLineage.fromMap("k", Map.of("tributary.topic", "t")))
                .hasMessageContaining("k").hasMessageContaining("tributary.partition");
    }
}
