package io.tributary.connect.source.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The batch report of a file rejected before any row was landed, on its zone's
 * {@code _tributary.<zone>.batches} keyed {@code <zone>.<dataset>/<batchId>}: the same fields, in the
 * same JSON shape, as the reports the validator writes for the batches it decides (stream-processors'
 * {@code BatchReport}), so that every reader of that topic reads both. The one failure names the file as its "topic"
 * ({@code s3://bucket/key}), partition -1, and the data row (or -1 for the whole file) as offset.
 */
public record FileRejectionReport(String zone, String dataset, String batchId, String outcome, String reason, String message,
                                  int records, int expectedRecords, int accepted, int rejected, int warned, String openedAt,
                                  String decidedAt, List<Failure> failures) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Failure(String topic, int partition, long offset, String reason, String rule, String field, String message) {
    }

    public static FileRejectionReport of(String zone, String dataset, String batchId, String source, String reason, String message,
            long row, String field, String openedAt, String decidedAt) {
        return new FileRejectionReport(zone, dataset, batchId, "REJECTED", reason, message, 0, 0, 0, 0, 0, openedAt, decidedAt,
                List.of(new Failure(source, -1, row, reason, "", field, message)));
    }

    public byte[] key() {
        return (zone + "." + dataset + "/" + batchId).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the batch report of " + batchId, e);
        }
    }
}
