package io.tributary.connect.s3.rotation;

/**
 * What a rotation policy may look at of an open file.
 *
 * @param records         records written so far
 * @param bytes           bytes of those records as buffered (their Avro binary encoding)
 * @param minEventTime    smallest event time written (epoch ms)
 * @param maxEventTime    largest event time written (epoch ms)
 * @param openedAtMillis  wall-clock time the file was opened
 */
public record FileStats(long records, long bytes, long minEventTime, long maxEventTime, long openedAtMillis) {

    public static FileStats opened(long eventTime, long nowMillis) {
        return new FileStats(0, 0, eventTime, eventTime, nowMillis);
    }

    public FileStats plus(long eventTime, long recordBytes) {
        return new FileStats(records + 1, bytes + recordBytes, Math.min(minEventTime, eventTime), Math.max(maxEventTime, eventTime),
                openedAtMillis);
    }
}
