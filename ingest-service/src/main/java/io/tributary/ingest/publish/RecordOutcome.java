package io.tributary.ingest.publish;

/**
 * What became of one record of a request: written at {@code partition}/{@code offset}, or not,
 * with an error code and whether sending it again may succeed.
 */
public record RecordOutcome(int index, int partition, long offset, String errorCode, String message, boolean retriable) {

    public static RecordOutcome written(int index, int partition, long offset) {
        return new RecordOutcome(index, partition, offset, null, null, false);
    }

    public static RecordOutcome failed(int index, String errorCode, String message, boolean retriable) {
        return new RecordOutcome(index, -1, -1, errorCode, message, retriable);
    }

    public boolean ok() {
        return errorCode == null;
    }
}
