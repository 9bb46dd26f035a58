package io.tributary.connect.s3.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.commit.CommittedFile;
import io.tributary.model.TopicName;

class PrometheusTextTest {

    @Test
    void countersAndGaugesArePrefixedLabelledAndTyped() {
        TaskMetrics a = new TaskMetrics("lake \"a\"", "0", () -> 3, () -> 1024, () -> 0);
        TaskMetrics b = new TaskMetrics("lake-b", "1", () -> 0, () -> 0, () -> 7);
        a.committed(new CommittedFile(TopicName.parse("z.staging.d"), 0, "dt=1", "k", Schema.create(Schema.Type.NULL), 10, 500, 40));
        a.committed(new CommittedFile(TopicName.parse("z.staging.d"), 0, "dt=1", "k2", Schema.create(Schema.Type.NULL), 5, 300, 90));
        a.recordRejected();
        String text = PrometheusText.render(List.of(a, b));
        assertThat(text).contains("# TYPE tributary_sink_records_written_total counter\n")
                .contains("tributary_sink_records_written_total{connector=\"lake \\\"a\\\"\",task=\"0\"} 15\n")
                .contains("tributary_sink_bytes_written_total{connector=\"lake \\\"a\\\"\",task=\"0\"} 800\n")
                .contains("tributary_sink_files_committed_total{connector=\"lake-b\",task=\"1\"} 0\n")
                .contains("# TYPE tributary_sink_open_files gauge\n")
                .contains("tributary_sink_open_files{connector=\"lake \\\"a\\\"\",task=\"0\"} 3\n")
                .contains("tributary_sink_spilled_bytes{connector=\"lake-b\",task=\"1\"} 7\n")
                .contains("tributary_sink_commit_latency_ms_max{connector=\"lake \\\"a\\\"\",task=\"0\"} 90\n")
                .contains("tributary_sink_commit_latency_ms_total{connector=\"lake \\\"a\\\"\",task=\"0\"} 130\n")
                .contains("tributary_sink_records_rejected_total{connector=\"lake \\\"a\\\"\",task=\"0\"} 1\n");
        assertThat(text.lines().filter(l -> l.startsWith("# TYPE tributary_sink_records_written_total"))).hasSize(1);
    }
}
