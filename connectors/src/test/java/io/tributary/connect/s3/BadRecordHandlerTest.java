package io.tributary.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.errors.RejectReason;

class BadRecordHandlerTest {
    private static SinkRecord record() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("origin", "sftp");
        return new SinkRecord("finance.staging.expenses", 2, Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {1}, Schema.OPTIONAL_BYTES_SCHEMA,
                new byte[] {9, 9}, 41, 1_700_000_000_000L, TimestampType.CREATE_TIME, headers);
    }

    @Test
    void theQueuedCopyCarriesTheReasonAndTheOriginal() {
        List<SinkRecord> reported = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        AtomicInteger rejected = new AtomicInteger();
        BadRecordHandler handler = new BadRecordHandler((r, e) -> {
            reported.add(r);
            errors.add(e);
            return CompletableFuture.completedFuture(null);
        }, rejected::incrementAndGet);
        SinkRecord original = record();
        handler.handle(original, new BadRecordException(RejectReason.MISSING_FIELD, "spent_at", "event-time field 'spent_at' is missing"));
        SinkRecord copy = reported.get(0);
        assertThat(copy.value()).isEqualTo(new byte[] {9, 9});
        assertThat(copy.key()).isEqualTo(new byte[] {1});
        assertThat(copy.kafkaOffset()).isEqualTo(41);
        assertThat(copy.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(copy.headers().lastWithName("origin").value()).isEqualTo("sftp");
        assertThat(copy.headers().lastWithName("tributary.reject.reason").value()).isEqualTo("MISSING_FIELD");
        assertThat(copy.headers().lastWithName("tributary.reject.field").value()).isEqualTo("spent_at");
        assertThat(copy.headers().lastWithName("tributary.reject.message").value().toString()).contains("spent_at");
        assertThat(copy.headers().lastWithName("tributary.source.partition").value()).isEqualTo("2");
        assertThat(copy.headers().lastWithName("tributary.source.offset").value()).isEqualTo("41");
        assertThat(original.headers().lastWithName("tributary.reject.reason")).as("the original is untouched").isNull();
        assertThat(errors.get(0).getMessage()).contains("partition 2 offset 41");
        assertThat(rejected).hasValue(1);
    }

    @Test
    void withoutAQueueTheTaskFailsNamingTheRecord() {
        BadRecordHandler handler = new BadRecordHandler(null, () -> { });
        assertThatThrownBy(() -> handler.handle(record(), new BadRecordException(RejectReason.NULL_VALUE, "", "value is null")))
                .isInstanceOf(ConnectException.class).hasMessageContaining("topic finance.staging.expenses partition 2 offset 41")
                .hasMessageContaining("NULL_VALUE").hasMessageContaining("errors.deadletterqueue.topic.name");
    }
}
