package io.tributary.connect.s3.commit;

/**
 * Another writer updated a partition's checkpoint since this task read it: two tasks believe
 * they own the partition (a zombie after a network partition, or a rebalance the old owner
 * missed). The task stops rather than risk duplicates; restarted, it resumes from the lake.
 */
public final class FencedException extends RuntimeException {
    public FencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
