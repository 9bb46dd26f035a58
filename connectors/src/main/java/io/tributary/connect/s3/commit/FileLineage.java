package io.tributary.connect.s3.commit;

import java.util.Map;

/**
 * What each object says about itself in its Parquet footer: where its records came from and
 * which commit batch it belongs to. A batch is every file one Kafka partition closed at one
 * rotation; it covers offsets {@code [batchStart, batchEnd)} and consists of {@code batchFiles}
 * objects (one per partition path). The sink resumes from these, not from file names.
 *
 * @param batchEnd the offset after the batch's last record: where the next batch starts
 */
public record FileLineage(String topic, int partition, long firstOffset, long lastOffset, long records, long batchStart,
        long batchEnd, int batchFiles) {
    static final String PREFIX = "tributary.";
    static final String TOPIC = PREFIX + "topic";
    static final String PARTITION = PREFIX + "partition";
    static final String FIRST_OFFSET = PREFIX + "first.offset";
    static final String LAST_OFFSET = PREFIX + "last.offset";
    static final String RECORDS = PREFIX + "records";
    static final String BATCH_START = PREFIX + "batch.start.offset";
    static final String BATCH_END = PREFIX + "batch.end.offset";
    static final String BATCH_FILES = PREFIX + "batch.files";

    public Map<String, String> toMap() {
        return Map.of(TOPIC, topic, PARTITION, String.valueOf(partition), FIRST_OFFSET, String.valueOf(firstOffset),
                LAST_OFFSET, String.valueOf(lastOffset), RECORDS, String.valueOf(records), BATCH_START, String.valueOf(batchStart),
                BATCH_END, String.valueOf(batchEnd), BATCH_FILES, String.valueOf(batchFiles));
    }

    /** Reads lineage from footer metadata; fails naming the object and the missing or bad key. */
    public static FileLineage fromMap(String objectKey, Map<String, String> m) {
        return new FileLineage(required(objectKey, m, TOPIC), (int) number(objectKey, m, PARTITION),
                number(objectKey, m, FIRST_OFFSET), number(objectKey, m, LAST_OFFSET), number(objectKey, m, RECORDS),
                number(objectKey, m, BATCH_START), number(objectKey, m, BATCH_END), (int) number(objectKey, m, BATCH_FILES));
    }

    private static String required(String objectKey, Map<String, String> m, String key) {
        String value = m.get(key);
        if (value == null) {
            throw new IllegalStateException("object " + objectKey + " has no '" + key + "' in its Parquet footer: it was not"
                    + " written by this sink, so the resume point of its partition cannot be known");
        }
        return value;
    }

    private static long number(String objectKey, Map<String, String> m, String key) {
        String value = required(objectKey, m, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("object " + objectKey + " has '" + key + "' = '" + value + "' in its footer, not a number");
        }
    }
}
