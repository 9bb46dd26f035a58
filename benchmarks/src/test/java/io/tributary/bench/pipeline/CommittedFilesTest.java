package io.tributary.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** A staged record is queryable from when the first file holding its offset appeared, and not before any does. */
class CommittedFilesTest {

    @Test
    void aRecordIsQueryableWhenTheFileHoldingItsOffsetAppears() {
        CommittedFiles files = new CommittedFiles();
        files.add(new CommittedFiles.CommittedFile("a", 0, 0, 99, 95, 1_000));
        files.add(new CommittedFiles.CommittedFile("b", 0, 100, 250, 140, 4_000));
        files.add(new CommittedFiles.CommittedFile("c", 1, 0, 50, 51, 2_000));

        assertThat(files.seenAt(0, 0)).isEqualTo(OptionalLong.of(1_000));
        assertThat(files.seenAt(0, 99)).isEqualTo(OptionalLong.of(1_000));
        assertThat(files.seenAt(0, 100)).isEqualTo(OptionalLong.of(4_000));
        assertThat(files.seenAt(0, 250)).isEqualTo(OptionalLong.of(4_000));
        // Same offset, other partition: its own file.
        assertThat(files.seenAt(1, 7)).isEqualTo(OptionalLong.of(2_000));
        assertThat(files.records()).isEqualTo(95 + 140 + 51);
    }

    @Test
    void aRecordNoFileHoldsIsNotQueryableYet() {
        CommittedFiles files = new CommittedFiles();
        files.add(new CommittedFiles.CommittedFile("a", 0, 10, 20, 11, 1_000));

        assertThat(files.seenAt(0, 21)).isEmpty();
        assertThat(files.seenAt(0, 9)).isEmpty();
        assertThat(files.seenAt(2, 15)).isEmpty();
    }

    @Test
    void overlappingFilesOfTwoFoldersAndARewriteGiveTheEarliestHolder() {
        CommittedFiles files = new CommittedFiles();
        // Two dt= folders share a Kafka partition: their offset ranges interleave.
        files.add(new CommittedFiles.CommittedFile("dt=1/x", 0, 0, 300, 150, 5_000));
        files.add(new CommittedFiles.CommittedFile("dt=2/x", 0, 200, 260, 30, 3_000));
        // The same file rewritten after a crash appears later again.
        files.add(new CommittedFiles.CommittedFile("dt=2/x", 0, 200, 260, 30, 9_000));

        assertThat(files.seenAt(0, 250)).isEqualTo(OptionalLong.of(3_000));
        assertThat(files.seenAt(0, 280)).isEqualTo(OptionalLong.of(5_000));
    }

    @Test
    void aFileWhoseRangeIsBackwardsIsRefusedNamingIt() {
        assertThatThrownBy(() -> new CommittedFiles.CommittedFile("dt=1/bench+0+00000000000000000009.parquet", 0, 9, 3, 1, 0))
                .hasMessageContaining("dt=1/bench+0+00000000000000000009.parquet").hasMessageContaining("last offset 3");
    }

    @Test
    void theHeapIsTheSumOfTheHeapPoolsOnly() {
        String metrics = """
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 2.0E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
                jvm_memory_used_bytes{area="heap",id="Eden Space"} 1000000.0
                """;
        assertThat(ValidatorProcess.heapUsed(metrics)).isEqualTo(21_000_000L);
        assertThatThrownBy(() -> ValidatorProcess.heapUsed("up 1")).hasMessageContaining("jvm_memory_used_bytes");
    }

    @Test
    void theProducerToolsRateIsReadFromItsSummaryLine() {
        String out = """
                49000 records sent, 9800.0 records/sec (1.87 MB/sec), 120.1 ms avg latency, 300.0 ms max latency.
                200000 records sent, 51234.5 records/sec (9.77 MB/sec), 80.20 ms avg latency, 412.00 ms max latency, 60 ms 50th.
                """;
        assertThat(ProducerPerformanceRun.summary(out, java.nio.file.Path.of("x.log"))).isEqualTo(51234.5);
        assertThatThrownBy(() -> ProducerPerformanceRun.summary("Exception in thread main", java.nio.file.Path.of("x.log")))
                .hasMessageContaining("x.log");
    }
}
