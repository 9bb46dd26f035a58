package io.tributary.connect.s3.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.support.InMemoryObjectStore;
import io.tributary.connect.s3.support.LakeReader;

/** Each codec writes a file DuckDB reads back, with the codec recorded in the file and the footer metadata kept. */
class ParquetCodecsTest {
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"E","fields":[
              {"name":"id","type":"long"},
              {"name":"name","type":"string"},
              {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"tags","type":{"type":"array","items":"string"}},
              {"name":"note","type":["null","string"],"default":null}]}""");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ParquetCodec.class)
    void writesAFileReadableBySql(ParquetCodec codec) throws Exception {
        InMemoryObjectStore store = new InMemoryObjectStore();
        ObjectUpload upload = store.newUpload("f.parquet");
        ParquetFileWriter writer = new ParquetFileWriter(upload, SCHEMA, new ParquetSettings(codec, 1 << 20, 1 << 16));
        for (long i = 0; i < 1000; i++) {
            GenericRecord r = new GenericData.Record(SCHEMA);
            r.put("id", i);
            r.put("name", "name-" + i);
            r.put("at", 1_700_000_000_000L + i);
            r.put("tags", List.of("a", "b" + i % 3));
            r.put("note", i % 2 == 0 ? null : "odd");
            writer.write(r);
        }
        assertThat(writer.memoryBytes()).isPositive();
        writer.finish(Map.of("tributary.test", "yes"));
        upload.complete();
        Path file = dir.resolve(codec.id() + ".parquet");
        Files.write(file, store.get("f.parquet"));

        List<Map<String, Object>> rows = LakeReader.query("SELECT count(*) AS n, sum(id) AS s, count(note) AS notes,"
                + " max(len(tags)) AS t FROM read_parquet('" + file + "')");
        assertThat(rows.get(0)).containsEntry("n", 1000L).containsEntry("notes", 500L).containsEntry("t", 2L);
        assertThat(((Number) rows.get(0).get("s")).longValue()).isEqualTo(499_500L);
        List<Map<String, Object>> codecs = LakeReader.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')");
        assertThat(codecs).singleElement().satisfies(r -> assertThat(r.get("compression").toString()).isEqualToIgnoringCase(codec.id()));
        assertThat(new FooterReader(store).keyValueMetadata("f.parquet")).containsEntry("tributary.test", "yes");
    }
}
