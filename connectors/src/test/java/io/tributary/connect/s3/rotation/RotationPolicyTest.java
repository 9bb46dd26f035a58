package io.tributary.connect.s3.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RotationPolicyTest {

    private static FileStats withRecords(int n, long firstEventTime, long openedAt) {
        FileStats s = FileStats.opened(firstEventTime, openedAt);
        for (int i = 0; i < n; i++) {
            s = s.plus(firstEventTime, 10);
        }
        return s;
    }

    @Test
    void flushSizeRotatesAfterTheNthRecord() {
        RecordCountRotation rotation = new RecordCountRotation(3);
        assertThat(rotation.afterAppend(withRecords(2, 0, 0))).isEmpty();
        assertThat(rotation.afterAppend(withRecords(3, 0, 0))).hasValueSatisfying(r -> assertThat(r).contains("flush.size 3"));
        assertThatThrownBy(() -> new RecordCountRotation(0)).hasMessageContaining("at least 1");
    }

    @Test
    void eventTimeSpanRotatesBeforeTheRecordThatWouldWidenTheFile() {
        EventTimeSpanRotation rotation = new EventTimeSpanRotation(1000);
        FileStats file = withRecords(1, 10_000, 0).plus(10_500, 10);
        assertThat(rotation.beforeAppend(file, 10_999)).isEmpty();
        assertThat(rotation.beforeAppend(file, 11_000)).isPresent();
        // Late data widens the span too.
        assertThat(rotation.beforeAppend(file, 9_000)).isPresent();
        assertThat(rotation.beforeAppend(FileStats.opened(0, 0), 1_000_000)).as("empty file").isEmpty();
    }

    @Test
    void recordBytesRotateOnceTheLimitIsReached() {
        RecordBytesRotation rotation = new RecordBytesRotation(35);
        assertThat(rotation.afterAppend(withRecords(3, 0, 0))).as("30 bytes").isEmpty();
        assertThat(rotation.afterAppend(withRecords(4, 0, 0))).hasValueSatisfying(r -> assertThat(r).contains("rotate.size.bytes 35"));
        assertThatThrownBy(() -> new RecordBytesRotation(0)).hasMessageContaining("positive");
    }

    @Test
    void wallClockRotatesOpenFilesWithRecordsOnly() {
        WallClockRotation rotation = new WallClockRotation(60_000);
        assertThat(rotation.onClock(withRecords(1, 0, 1_000), 60_999)).isEmpty();
        assertThat(rotation.onClock(withRecords(1, 0, 1_000), 61_000)).isPresent();
        assertThat(rotation.onClock(withRecords(0, 0, 1_000), 1_000_000)).isEmpty();
    }

    @Test
    void compositeAnswersWithTheFirstReason() {
        CompositeRotation rotation = new CompositeRotation(List.of(new RecordCountRotation(2), new EventTimeSpanRotation(10),
                new WallClockRotation(5)));
        assertThat(rotation.afterAppend(withRecords(2, 0, 0))).hasValueSatisfying(r -> assertThat(r).contains("flush.size"));
        assertThat(rotation.beforeAppend(withRecords(1, 0, 0), 10)).hasValueSatisfying(r -> assertThat(r).contains("rotate.interval.ms"));
        assertThat(rotation.onClock(withRecords(1, 0, 0), 5)).hasValueSatisfying(r -> assertThat(r).contains("rotate.schedule"));
        assertThat(rotation.afterAppend(withRecords(1, 0, 0))).isEmpty();
    }
}
