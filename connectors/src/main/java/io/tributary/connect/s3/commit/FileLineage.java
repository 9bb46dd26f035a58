package io.tributary.connect.s3.commit;

import java.util.Map;

/**
 * What each object says about itself in its own metadata (Parquet footer, Avro header): where
 * its records came from and how far the Kafka partition was durable when it was committed.
 *
 * @param coveredUntil the offset after the last record the partition had processed when this file
 *                     was committed: every record of the partition below it that belongs in this
 *                     file's folder is in this file or an earlier one
 * @param resumeOffset every record of the partition below it was durable (in some file, or sent to
 *                     the dead-letter queue) once this file was committed
 * @param layout       how records were placed in folders ({@code partitioner/event time})
 */
public record FileLineage(String topic, int partition, long firstOffset, long lastOffset, long records, long coveredUntil,
        long resumeOffset, String layout) {
    static final String PREFIX = "tributary.";
    static final String TOPIC = PREFIX + "topic";
    static final String PARTITION = PREFIX + "partition";
    static final String FIRST_OFFSET = PREFIX + "first.offset";
    static final String LAST_OFFSET = PREFIX + "last.offset";
    static final String RECORDS = PREFIX + "records";
    static final String COVERED_UNTIL = PREFIX + "covered.until.offset";
    static final String RESUME_OFFSET = PREFIX + "resume.offset";
    static final String LAYOUT = PREFIX + "layout";

    public Map<String, String> toMap() {
        return Map.of(TOPIC, topic, PARTITION, String.valueOf(partition), FIRST_OFFSET, String.valueOf(firstOffset),
                LAST_OFFSET, String.valueOf(lastOffset), RECORDS, String.valueOf(records), COVERED_UNTIL, String.valueOf(coveredUntil),
                RESUME_OFFSET, String.valueOf(resumeOffset), LAYOUT, layout);
    }

    /** Reads lineage from file metadata; fails naming the object and the missing or bad key. */
    public static FileLineage fromMap(String objectKey, Map<String, String> m) {
        return new FileLineage(required(objectKey, m, TOPIC), (int) number(objectKey, m, PARTITION),
                number(objectKey, m, FIRST_OFFSET), number(objectKey, m, LAST_OFFSET), number(objectKey, m, RECORDS),
                number(objectKey, m, COVERED_UNTIL), number(objectKey, m, RESUME_OFFSET), required(objectKey, m, LAYOUT));
    }

    private static String required(String objectKey, Map<String, String> m, String key) {
        String value = m.get(key);
        if (value == null) {
            throw new IllegalStateException("object " + objectKey + " has no '" + key + "' in its metadata: it was not written by"
                    + " this sink (or by an older version), so the resume point of its partition cannot be known");
        }
        return value;
    }

    private static long number(String objectKey, Map<String, String> m, String key) {
        String value = required(objectKey, m, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("object " + objectKey + " has '" + key + "' = '" + value + "' in its metadata, not a number");
        }
    }
}
