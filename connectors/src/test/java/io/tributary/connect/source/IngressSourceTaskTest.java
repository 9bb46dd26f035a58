package io.tributary.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.connect.source.support.FakeSourceContext;
import io.tributary.connect.source.support.InMemoryIngressStore;
import io.tributary.connect.source.support.TestFiles;
import io.tributary.model.RejectHeaderNames;

/** The task's logic over an in-memory bucket: batches, offsets, resume, rejection, moves. */
class IngressSourceTaskTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINANCE_BATCHES = "_tributary.finance.batches";

    @TempDir
    Path spool;

    private final InMemoryIngressStore bucket = new InMemoryIngressStore();
    private final List<IngressSourceTask> tasks = new ArrayList<>();

    @AfterEach
    void stop() {
        tasks.forEach(IngressSourceTask::stop);
    }

    private IngressSourceTask task(FakeSourceContext context, Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("zones", "finance", "rows.per.poll", "4", "listing.interval.ms", "1",
                "spool.dir", spool.toString()));
        props.putAll(overrides);
        IngressSourceTask task = new IngressSourceTask();
        task.initialize(context);
        task.start(props, bucket);
        tasks.add(task);
        return task;
    }

    /** Polls until {@code count} records arrived, committing each batch as Connect would. */
    private static List<SourceRecord> pollRecords(IngressSourceTask task, FakeSourceContext context, int count) throws Exception {
        List<SourceRecord> all = new ArrayList<>();
        for (int i = 0; i < 200 && all.size() < count; i++) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                context.commit(batch);
                batch.forEach(r -> task.commitRecord(r, null));
                all.addAll(batch);
            }
        }
        assertThat(all).hasSize(count);
        return all;
    }

    private static String header(SourceRecord record, String name) {
        Header h = record.headers().lastWithName(name);
        return h == null ? null : h.value().toString();
    }

    @Test
    void aFileBecomesOneBatchFollowedByItsArrivalRecordAndIsMovedOnceCommitted() throws Exception {
        String eTag = bucket.put("finance/expenses/2024/may.csv", TestFiles.expenseCsv(10).getBytes(StandardCharsets.UTF_8));
        FakeSourceContext context = new FakeSourceContext(true);
        IngressSourceTask task = task(context, Map.of());

        List<SourceRecord> records = pollRecords(task, context, 11);
        List<SourceRecord> rows = records.subList(0, 10);
        String batchId = "2024/may.csv@" + eTag;
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("finance.landing.expenses");
            assertThat(header(r, RejectHeaderNames.BATCH_ID)).isEqualTo(batchId);
        });
        assertThat(rows.subList(0, 9)).allSatisfy(r -> assertThat(header(r, RejectHeaderNames.BATCH_END)).isNull());
        assertThat(header(rows.get(9), RejectHeaderNames.BATCH_END)).isEqualTo("10");
        assertThat(JSON.readTree((byte[]) rows.get(0).value()).get("expense_id").asText()).isEqualTo("C-1");
        assertThat(header(rows.get(4), FileIngestion.ROW_HEADER)).isEqualTo("5");

        SourceRecord arrival = records.get(10);
        assertThat(arrival.topic()).isEqualTo("_tributary.finance.batches");
        assertThat(new String((byte[]) arrival.key(), StandardCharsets.UTF_8)).isEqualTo("arrival:finance.expenses/" + batchId);
        JsonNode a = JSON.readTree((byte[]) arrival.value());
        assertThat(a.get("records").asLong()).isEqualTo(10);
        assertThat(a.get("status").asText()).isEqualTo("INGESTED");
        assertThat(a.get("source").asText()).isEqualTo("s3://ingress/finance/expenses/2024/may.csv");
        assertThat(a.get("checksum").asText()).startsWith("sha256:").hasSize(71);
        assertThat(a.get("size").asLong()).isEqualTo(TestFiles.expenseCsv(10).length());
        assertThat(context.transactionEnds).containsExactly(arrival);

        task.poll(); // applies the move of the committed file
        assertThat(bucket.keys()).containsExactly("_processed/finance/expenses/2024/may.csv");
    }

    @Test
    void aTaskWatchingSeveralZonesCataloguesEachFileOnItsOwnZonesBatchesTopic() throws Exception {
        bucket.put("audit/findings/bad.csv", "id,amount\n1,2\n3,4,5\n".getBytes(StandardCharsets.UTF_8));
        bucket.put("finance/expenses/good.csv", TestFiles.expenseCsv(1).getBytes(StandardCharsets.UTF_8));
        FakeSourceContext context = new FakeSourceContext(true);
        IngressSourceTask task = task(context, Map.of("zones", "finance,audit"));

        List<SourceRecord> records = pollRecords(task, context, 2 + 2);
        List<String> catalogued = records.stream().filter(r -> !r.topic().contains(".landing."))
                .map(r -> r.topic() + " " + new String((byte[]) r.key(), StandardCharsets.UTF_8).replaceAll("@.*", "")).toList();
        assertThat(catalogued).containsExactlyInAnyOrder(
                "_tributary.audit.batches arrival:audit.findings/bad.csv", "_tributary.audit.batches audit.findings/bad.csv",
                "_tributary.finance.batches arrival:finance.expenses/good.csv");
    }

    @Test
    void aFileAlreadyIngestedIsNotIngestedAgainAndAResumedFileSkipsTheRowsOnKafka() throws Exception {
        byte[] csv = TestFiles.expenseCsv(10).getBytes(StandardCharsets.UTF_8);
        bucket.put("finance/expenses/a.csv", csv);
        FakeSourceContext context = new FakeSourceContext(false);
        IngressSourceTask first = task(context, Map.of("processed.action", "none"));
        // Connect committed the offsets of the first poll (4 rows) before the worker stopped.
        List<SourceRecord> firstPoll = first.poll();
        assertThat(firstPoll).hasSize(4);
        context.commit(firstPoll);
        first.stop();
        tasks.remove(first);

        IngressSourceTask second = task(context, Map.of("processed.action", "none"));
        List<SourceRecord> rest = pollRecords(second, context, 7);
        assertThat(rest.subList(0, 6)).extracting(r -> header(r, FileIngestion.ROW_HEADER)).containsExactly("5", "6", "7", "8", "9", "10");
        assertThat(header(rest.get(5), RejectHeaderNames.BATCH_END)).isEqualTo("10");
        second.stop();
        tasks.remove(second);

        // The same file again (restart with the file still there, or dropped again): nothing.
        bucket.put("finance/expenses/a.csv", csv);
        IngressSourceTask third = task(context, Map.of("processed.action", "none"));
        for (int i = 0; i < 5; i++) {
            assertThat(third.poll()).isNull();
        }
    }

    @Test
    void aBadFileLeavesAnArrivalAndARejectedBatchReportAndTheNextFileIsIngested() throws Exception {
        bucket.put("finance/expenses/a-bad.csv", "id,amount\n1,2\n3,4,5\n".getBytes(StandardCharsets.UTF_8));
        bucket.put("finance/expenses/b-notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        bucket.put("finance/expenses/c-good.jsonl", "{\"id\":1}\n{\"id\":2}\n".getBytes(StandardCharsets.UTF_8));
        FakeSourceContext context = new FakeSourceContext(true);
        IngressSourceTask task = task(context, Map.of());

        List<SourceRecord> records = pollRecords(task, context, 2 + 2 + 3);
        assertThat(records).extracting(SourceRecord::topic).containsExactly(FINANCE_BATCHES, FINANCE_BATCHES,
                FINANCE_BATCHES, FINANCE_BATCHES, "finance.landing.expenses", "finance.landing.expenses", FINANCE_BATCHES);
        JsonNode report = JSON.readTree((byte[]) records.get(1).value());
        assertThat(report.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(report.get("reason").asText()).isEqualTo("BAD_ROW");
        assertThat(report.get("message").asText()).contains("line 3");
        assertThat(report.get("failures").get(0).get("offset").asLong()).isEqualTo(2);
        assertThat(new String((byte[]) records.get(1).key(), StandardCharsets.UTF_8)).startsWith("finance.expenses/a-bad.csv@");
        // the same fields as the validator's BatchReport
        List<String> fields = new ArrayList<>();
        report.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("zone", "dataset", "batchId", "outcome", "reason", "message", "records", "expectedRecords",
                "accepted", "rejected", "warned", "openedAt", "decidedAt", "failures");
        assertThat(JSON.readTree((byte[]) records.get(3).value()).get("reason").asText()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(JSON.readTree((byte[]) records.get(2).value()).get("status").asText()).isEqualTo("REJECTED");

        task.poll();
        assertThat(bucket.keys()).containsExactlyInAnyOrder("_rejected/finance/expenses/a-bad.csv", "_rejected/finance/expenses/b-notes.txt",
                "_processed/finance/expenses/c-good.jsonl");
        assertThat(context.transactionEnds).containsExactly(records.get(1), records.get(3), records.get(6));
    }

    @Test
    void tagsInsteadOfMovingWhenAskedTo() throws Exception {
        bucket.put("finance/expenses/a.jsonl", "{\"id\":1}\n".getBytes(StandardCharsets.UTF_8));
        FakeSourceContext context = new FakeSourceContext(false);
        IngressSourceTask task = task(context, Map.of("processed.action", "tag"));
        pollRecords(task, context, 2);
        task.poll();
        assertThat(bucket.keys()).containsExactly("finance/expenses/a.jsonl");
        assertThat(bucket.tags.get("finance/expenses/a.jsonl")).containsEntry("tributary-status", "ingested")
                .containsKey("tributary-batch-id");
    }

    @Test
    void filesOutsideDatasetFoldersAndHiddenFilesAreLeftAlone() throws Exception {
        bucket.put("finance/loose.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        bucket.put("finance/expenses/.partial.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        bucket.put("audit/expenses/other-zone.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        FakeSourceContext context = new FakeSourceContext(false);
        IngressSourceTask task = task(context, Map.of());
        for (int i = 0; i < 4; i++) {
            assertThat(task.poll()).isNull();
        }
        assertThat(bucket.keys()).hasSize(3);
    }
}
