package io.tributary.processors.replay;

import java.util.List;

/**
 * What a replay did, per landing partition and in total.
 *
 * @param alreadyStaged records skipped because their offset already reached staging
 * @param batchesSkipped batches not replayed: promoted, still open, or not complete in the range
 */
public record ReplayReport(String replayId, String zone, String dataset, String from, List<PartitionRange> partitions, long scanned,
                           long alreadyStaged, long accepted, long rejected, long batchesPromoted, long batchesRejected,
                           long batchesSkipped) {

    /** Records {@code [from, to)} of a landing partition were replayed; {@code to} is where the validator had got to. */
    public record PartitionRange(int partition, long from, long to) {
    }
}
