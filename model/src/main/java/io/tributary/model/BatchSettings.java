package io.tributary.model;

import java.time.Duration;

/**
 * How a dataset in {@code validationMode: batch} approves its batches.
 *
 * @param timeout            a batch whose end marker has not arrived (or whose records have not all
 *                           arrived) this long after its first record is rejected whole
 * @param maxRecords         a batch with more records is rejected whole; bounds the state kept per batch
 * @param maxRejectedRecords records a batch may lose to {@code reject} rules or schema problems and
 *                           still be promoted (without them); 0 means one bad record rejects the batch
 */
public record BatchSettings(Duration timeout, int maxRecords, int maxRejectedRecords) {
    public static final BatchSettings DEFAULTS = new BatchSettings(Duration.ofMinutes(30), 100_000, 0);
    public static final int MAX_RECORDS_LIMIT = 10_000_000;

    public BatchSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("batch timeout must be positive, not " + timeout);
        }
        if (maxRecords < 1 || maxRecords > MAX_RECORDS_LIMIT) {
            throw new IllegalArgumentException("maxRecords must be between 1 and " + MAX_RECORDS_LIMIT + ", not " + maxRecords);
        }
        if (maxRejectedRecords < 0 || maxRejectedRecords > maxRecords) {
            throw new IllegalArgumentException("maxRejectedRecords must be between 0 and maxRecords (" + maxRecords + "), not "
                    + maxRejectedRecords);
        }
    }
}
