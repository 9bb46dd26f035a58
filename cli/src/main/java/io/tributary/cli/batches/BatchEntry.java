package io.tributary.cli.batches;

/**
 * One batch of a dataset as `tributary batches` shows it: what arrived (a file, when the ingress
 * source catalogued it) joined with what the validator decided.
 *
 * @param status  {@code PROMOTED}, {@code REJECTED} (by the validator or, for a bad file, the source),
 *                or {@code ARRIVED} (landed, no decision: the validator has not decided yet, or the dataset is
 *                validated record by record and has no batch reports)
 * @param records the file's rows, or the validator's count when no arrival record is known
 */
public record BatchEntry(String batchId, String source, long size, long records, String arrivedAt, String status, String reason,
                         String message, int accepted, int rejected) {
}
