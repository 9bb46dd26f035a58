package io.tributary.connect.s3.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;

class FieldValuePartitionerTest {
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"E","fields":[
              {"name":"region","type":["null","string"],"default":null},
              {"name":"country","type":{"type":"enum","name":"C","symbols":["FR","DE"]}},
              {"name":"year","type":"int"},
              {"name":"day","type":{"type":"int","logicalType":"date"}},
              {"name":"blob","type":"bytes"}]}""");

    private static GenericRecord record(String region) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("region", region);
        r.put("country", new GenericData.EnumSymbol(SCHEMA.getField("country").schema(), "FR"));
        r.put("year", 2024);
        r.put("day", (int) LocalDate.parse("2024-05-01").toEpochDay());
        r.put("blob", ByteBuffer.wrap(new byte[] {1}));
        return r;
    }

    @Test
    void valuesNameNestedFoldersInTheConfiguredOrder() {
        FieldValuePartitioner p = new FieldValuePartitioner(List.of("region", "country", "year", "day"));
        assertThat(p.partitionPath(0, record("eu"))).isEqualTo("region=eu/country=FR/year=2024/day=2024-05-01");
        assertThat(p.fields()).containsExactly("region", "country", "year", "day");
        assertThat(p.describe()).isEqualTo("field:region,country,year,day");
    }

    @Test
    void valuesAreEscapedLikeHiveAndNullGoesToTheDefaultPartition() {
        FieldValuePartitioner p = new FieldValuePartitioner(List.of("region"));
        assertThat(p.partitionPath(0, record("a/b=c%d"))).isEqualTo("region=a%2Fb%3Dc%25d");
        assertThat(p.partitionPath(0, record(null))).isEqualTo("region=__HIVE_DEFAULT_PARTITION__");
        assertThat(p.partitionPath(0, record(""))).isEqualTo("region=__HIVE_DEFAULT_PARTITION__");
    }

    @Test
    void aMissingOrUnusableFieldIsTheRecordsFault() {
        assertThatThrownBy(() -> new FieldValuePartitioner(List.of("city")).partitionPath(0, record("eu")))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("'city'")
                .satisfies(e -> assertThat(((BadRecordException) e).reason()).isEqualTo(RejectReason.MISSING_FIELD));
        assertThatThrownBy(() -> new FieldValuePartitioner(List.of("blob")).partitionPath(0, record("eu")))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("BYTES")
                .satisfies(e -> assertThat(((BadRecordException) e).field()).isEqualTo("blob"));
    }
}
