package io.tributary.processors.batch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.processors.topology.Verdict;

/**
 * The record a decided batch leaves on its zone's {@code _tributary.<zone>.batches} (JSON, keyed
 * {@code <zone>.<dataset>/<batchId>}): its outcome, counts, and which records failed and why
 * (the first {@value #MAX_FAILURES}).
 */
public record BatchReport(String zone, String dataset, String batchId, String outcome, String reason, String message, int records,
                          int expectedRecords, int accepted, int rejected, int warned, String openedAt, String decidedAt,
                          List<Failure> failures) {
    public static final int MAX_FAILURES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Failure(String topic, int partition, long offset, String reason, String rule, String field, String message) {
    }

    static BatchReport of(String zone, String dataset, String batchId, boolean promoted, String reason, String message,
            List<PendingRecord> records, BatchState state, long now) {
        List<Failure> failures = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int warned = 0;
        for (PendingRecord r : records) {
            if (r.verdict() instanceof Verdict.Accepted a) {
                accepted++;
                warned += a.warnings().isEmpty() ? 0 : 1;
            } else {
                rejected++;
                if (failures.size() < MAX_FAILURES) {
                    var why = ((Verdict.Rejected) r.verdict()).why();
                    failures.add(new Failure(r.sourceTopic(), r.sourcePartition(), r.sourceOffset(), why.reason().name(), why.rule(),
                            why.fieldPath(), why.message()));
                }
            }
        }
        return new BatchReport(zone, dataset, batchId, promoted ? "PROMOTED" : "REJECTED", reason, message, records.size(),
                state.expected(), promoted ? accepted : 0, promoted ? rejected : records.size(), warned,
                Instant.ofEpochMilli(state.openedAt()).toString(), Instant.ofEpochMilli(now).toString(), failures);
    }

    public byte[] key() {
        return (zone + "." + dataset + "/" + batchId).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write batch report of " + batchId, e);
        }
    }

    public static BatchReport fromJson(byte[] json) {
        try {
            return JSON.readValue(json, BatchReport.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a batch report: " + e.getMessage(), e);
        }
    }
}
