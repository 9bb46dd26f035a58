package io.tributary.connect.s3.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.errors.BadRecordException;

class EventTimePartitioningTest {
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"E","fields":[
              {"name":"ts","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null},
              {"name":"us","type":{"type":"long","logicalType":"timestamp-micros"}},
              {"name":"day","type":{"type":"int","logicalType":"date"}},
              {"name":"text","type":"string"},
              {"name":"flag","type":"boolean"}]}""");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final long KAFKA_TS = Instant.parse("2024-01-31T12:00:00Z").toEpochMilli();

    private static GenericRecord record(Long ts, String text) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("ts", ts);
        r.put("us", Instant.parse("2024-03-01T10:00:00Z").toEpochMilli() * 1000);
        r.put("day", (int) LocalDate.parse("2024-04-15").toEpochDay());
        r.put("text", text);
        r.put("flag", true);
        return r;
    }

    @Test
    void dailyPartitionUsesTheConfiguredTimeZone() {
        long t = Instant.parse("2024-05-01T23:30:00Z").toEpochMilli();
        assertThat(new TimePartitioner(Granularity.DAILY, UTC).partitionPath(t, null)).isEqualTo("dt=2024-05-01");
        assertThat(new TimePartitioner(Granularity.DAILY, ZoneId.of("Europe/Paris")).partitionPath(t, null)).isEqualTo("dt=2024-05-02");
        assertThat(new TimePartitioner(Granularity.DAILY, ZoneId.of("America/New_York")).partitionPath(t, null))
                .isEqualTo("dt=2024-05-01");
    }

    @Test
    void hourlyPartitionAddsTheHourInTheTimeZone() {
        long t = Instant.parse("2024-05-01T23:30:00Z").toEpochMilli();
        assertThat(new TimePartitioner(Granularity.HOURLY, UTC).partitionPath(t, null)).isEqualTo("dt=2024-05-01/hr=23");
        assertThat(new TimePartitioner(Granularity.HOURLY, ZoneId.of("Asia/Kolkata")).partitionPath(t, null))
                .isEqualTo("dt=2024-05-02/hr=05");
        assertThat(new TimePartitioner(Granularity.HOURLY, UTC).partitionPath(Instant.parse("2024-05-01T07:00:00Z").toEpochMilli(),
                null)).isEqualTo("dt=2024-05-01/hr=07");
        assertThat(new TimePartitioner(Granularity.HOURLY, UTC).describe()).isEqualTo("time:hourly:UTC");
    }

    @Test
    void recordTimestampIsTheDefault() {
        assertThat(new RecordTimestampExtractor().eventTimeMillis(record(null, "x"), KAFKA_TS)).isEqualTo(KAFKA_TS);
        assertThatThrownBy(() -> new RecordTimestampExtractor().eventTimeMillis(record(null, "x"), null))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("no Kafka timestamp");
    }

    @Test
    void fieldOfEachTimeTypeIsRead() {
        long ts = Instant.parse("2024-02-10T05:00:00Z").toEpochMilli();
        assertThat(new FieldEventTimeExtractor("ts", UTC).eventTimeMillis(record(ts, "x"), KAFKA_TS)).isEqualTo(ts);
        assertThat(new FieldEventTimeExtractor("us", UTC).eventTimeMillis(record(ts, "x"), KAFKA_TS))
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z").toEpochMilli());
        assertThat(new FieldEventTimeExtractor("day", UTC).eventTimeMillis(record(ts, "x"), KAFKA_TS))
                .isEqualTo(Instant.parse("2024-04-15T00:00:00Z").toEpochMilli());
        assertThat(new FieldEventTimeExtractor("text", UTC).eventTimeMillis(record(ts, "2024-06-01T10:15:30+02:00"), KAFKA_TS))
                .isEqualTo(Instant.parse("2024-06-01T08:15:30Z").toEpochMilli());
        assertThat(new FieldEventTimeExtractor("text", ZoneId.of("Europe/Paris")).eventTimeMillis(record(ts, "2024-06-01"), KAFKA_TS))
                .isEqualTo(Instant.parse("2024-05-31T22:00:00Z").toEpochMilli());
    }

    @Test
    void nullFieldFallsBackToTheKafkaTimestamp() {
        assertThat(new FieldEventTimeExtractor("ts", UTC).eventTimeMillis(record(null, "x"), KAFKA_TS)).isEqualTo(KAFKA_TS);
    }

    @Test
    void unusableFieldIsAnErrorOfTheRecordNamingTheField() {
        assertThatThrownBy(() -> new FieldEventTimeExtractor("missing", UTC).eventTimeMillis(record(1L, "x"), KAFKA_TS))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("'missing'").hasMessageContaining("not in schema");
        assertThatThrownBy(() -> new FieldEventTimeExtractor("flag", UTC).eventTimeMillis(record(1L, "x"), KAFKA_TS))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("'flag'").hasMessageContaining("BOOLEAN");
        assertThatThrownBy(() -> new FieldEventTimeExtractor("text", UTC).eventTimeMillis(record(1L, "yesterday"), KAFKA_TS))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("'yesterday'");
    }
}
