package io.tributary.connect.s3.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.decode.DecodedValue;
import io.tributary.connect.s3.format.FileContents;
import io.tributary.connect.s3.format.FormatWriter;
import io.tributary.connect.s3.spool.MemoryMeter;
import io.tributary.connect.s3.spool.RecordSpool;
import io.tributary.connect.s3.spool.SpoolDirectory;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.support.InMemoryObjectStore;
import io.tributary.connect.s3.support.LakeReader;
import io.tributary.connect.s3.support.TestValues;

/**
 * Each codec writes a file DuckDB reads back, with the codec recorded in the file and the footer
 * metadata kept; and every Avro type the platform's schemas use comes back as the same SQL value.
 */
class ParquetCodecsTest {
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"E","fields":[
              {"name":"id","type":"long"},
              {"name":"name","type":"string"},
              {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"tags","type":{"type":"array","items":"string"}},
              {"name":"note","type":["null","string"],"default":null}]}""");
    private static final Schema TYPES = new Schema.Parser().parse("""
            {"type":"record","name":"T","namespace":"t","fields":[
              {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
              {"name":"maybe_amount","type":["null",{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}],"default":null},
              {"name":"paid_at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"paid_at_us","type":{"type":"long","logicalType":"timestamp-micros"}},
              {"name":"day","type":{"type":"int","logicalType":"date"}},
              {"name":"flag","type":"boolean"},
              {"name":"ratio","type":"float"},
              {"name":"address","type":{"type":"record","name":"Address","fields":[
                {"name":"city","type":"string"},{"name":"zip","type":["null","int"],"default":null}]}},
              {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
                {"name":"sku","type":"string"},{"name":"qty","type":"int"}]}}},
              {"name":"attrs","type":{"type":"map","values":"string"}},
              {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]}}]}""");

    @TempDir
    Path dir;

    private static byte[] write(InMemoryObjectStore store, Path dir, ParquetFormat format, List<GenericRecord> records,
            Map<String, String> footer) throws Exception {
        RecordSpool spool = new RecordSpool(new SpoolDirectory(dir.resolve("spool")), new MemoryMeter());
        long offset = 0;
        for (GenericRecord r : records) {
            DecodedValue v = TestValues.value(r, 1);
            spool.append(offset++, 1_700_000_000_000L, 0, v.bytes(), v.offset(), v.length());
        }
        spool.spill();
        ObjectUpload upload = store.newUpload("f.parquet", ParquetFormat.CONTENT_TYPE);
        Schema schema = records.get(0).getSchema();
        FormatWriter writer = format.open(upload, new FileContents("a.staging.b", 0, schema, List.of(schema), footer));
        spool.forEach(writer::write);
        writer.finish();
        upload.complete();
        spool.delete();
        return store.getBytes("f.parquet");
    }

    @ParameterizedTest
    @EnumSource(ParquetCodec.class)
    void writesAFileReadableBySql(ParquetCodec codec) throws Exception {
        InMemoryObjectStore store = new InMemoryObjectStore();
        List<GenericRecord> records = new java.util.ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            GenericRecord r = new GenericData.Record(SCHEMA);
            r.put("id", i);
            r.put("name", "name-" + i);
            r.put("at", 1_700_000_000_000L + i);
            r.put("tags", List.of("a", "b" + i % 3));
            r.put("note", i % 2 == 0 ? null : "odd");
            records.add(r);
        }
        ParquetFormat format = new ParquetFormat(new ParquetSettings(codec, 1 << 20, 1 << 16), KafkaColumns.NONE);
        Path file = dir.resolve(codec.id() + ".parquet");
        Files.write(file, write(store, dir, format, records, Map.of("tributary.test", "yes")));

        List<Map<String, Object>> rows = LakeReader.query("SELECT count(*) AS n, sum(id) AS s, count(note) AS notes,"
                + " max(len(tags)) AS t FROM read_parquet('" + file + "')");
        assertThat(rows.get(0)).containsEntry("n", 1000L).containsEntry("notes", 500L).containsEntry("t", 2L);
        assertThat(((Number) rows.get(0).get("s")).longValue()).isEqualTo(499_500L);
        List<Map<String, Object>> codecs = LakeReader.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')");
        assertThat(codecs).singleElement().satisfies(r -> assertThat(r.get("compression").toString()).isEqualToIgnoringCase(codec.id()));
        assertThat(new FooterReader(store).keyValueMetadata("f.parquet")).containsEntry("tributary.test", "yes");
    }

    @Test
    void everyTypeComesBackAsTheSameSqlValue() throws Exception {
        Schema decimal = TYPES.getField("amount").schema();
        Conversions.DecimalConversion decimals = new Conversions.DecimalConversion();
        GenericRecord r = new GenericData.Record(TYPES);
        r.put("amount", decimals.toBytes(new BigDecimal("12345.67"), decimal, LogicalTypes.decimal(12, 2)));
        r.put("maybe_amount", null);
        r.put("paid_at", Instant.parse("2024-05-01T10:15:30.123Z").toEpochMilli());
        r.put("paid_at_us", Instant.parse("2024-05-01T10:15:30.123456Z").toEpochMilli() * 1000 + 456);
        r.put("day", (int) LocalDate.parse("2024-05-01").toEpochDay());
        r.put("flag", true);
        r.put("ratio", 0.5f);
        GenericRecord address = new GenericData.Record(TYPES.getField("address").schema());
        address.put("city", "Paris");
        address.put("zip", 75001);
        r.put("address", address);
        Schema line = TYPES.getField("lines").schema().getElementType();
        GenericRecord l1 = new GenericData.Record(line);
        l1.put("sku", "A-1");
        l1.put("qty", 3);
        r.put("lines", List.of(l1));
        r.put("attrs", Map.of("k", "v"));
        r.put("kind", new GenericData.EnumSymbol(TYPES.getField("kind").schema(), "B"));

        ParquetFormat format = new ParquetFormat(new ParquetSettings(ParquetCodec.SNAPPY, 1 << 20, 1 << 16), KafkaColumns.NONE);
        Path file = dir.resolve("types.parquet");
        Files.write(file, write(new InMemoryObjectStore(), dir, format, List.of(r), Map.of()));
        Map<String, Object> row = LakeReader.query("SELECT CAST(amount AS VARCHAR) AS amount, typeof(amount) AS amount_type,"
                + " maybe_amount, CAST(paid_at AS VARCHAR) AS paid_at, CAST(paid_at_us AS VARCHAR) AS paid_at_us, CAST(day AS VARCHAR) AS day, flag,"
                + " ratio, address.city AS city, address.zip AS zip, lines[1].sku AS sku, lines[1].qty AS qty, attrs['k'] AS k,"
                + " kind FROM read_parquet('" + file + "')").get(0);
        assertThat(row).containsEntry("amount", "12345.67").containsEntry("amount_type", "DECIMAL(12,2)")
                .containsEntry("maybe_amount", null).containsEntry("flag", true).containsEntry("city", "Paris")
                .containsEntry("zip", 75001).containsEntry("sku", "A-1").containsEntry("qty", 3).containsEntry("kind", "B")
                .containsEntry("day", "2024-05-01");
        assertThat(row.get("paid_at").toString()).startsWith("2024-05-01 10:15:30.123");
        assertThat(row.get("paid_at_us").toString()).startsWith("2024-05-01 10:15:30.123456");
        assertThat(((Number) row.get("ratio")).doubleValue()).isEqualTo(0.5);
        assertThat(row.get("k").toString()).contains("v");
    }
}
