package io.tributary.connect.s3.spool;

/**
 * One buffered record as it is read back when its file is written. The holder is reused from
 * record to record: copy what must outlive the callback.
 */
public final class SpooledRecord {
    long offset;
    boolean hasTimestamp;
    long timestamp;
    int schemaIndex;
    byte[] bytes;
    int bytesOffset;
    int length;

    public long offset() {
        return offset;
    }

    /** Kafka's timestamp, or null if the record had none. */
    public Long timestamp() {
        return hasTimestamp ? timestamp : null;
    }

    /** Which of the file's writer schemas the body was written with. */
    public int schemaIndex() {
        return schemaIndex;
    }

    /** The Avro binary body: {@code bytes()[bytesOffset() .. bytesOffset() + length())}. */
    public byte[] bytes() {
        return bytes;
    }

    public int bytesOffset() {
        return bytesOffset;
    }

    public int length() {
        return length;
    }
}
