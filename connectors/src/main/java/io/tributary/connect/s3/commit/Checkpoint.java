package io.tributary.connect.s3.commit;

import java.util.Map;
import java.util.TreeMap;

/**
 * How far one Kafka partition is durable in one dataset folder, kept in a small JSON object
 * beside the lake and rewritten after each commit (conditionally, so a second writer is noticed).
 *
 * @param resumeOffset every record of the partition below it is durable (or was sent to the
 *                     dead-letter queue); consumption resumes there
 * @param covered      for folders whose latest file reaches beyond {@code resumeOffset}: the offset
 *                     below which every record of that folder is in the lake (records of those
 *                     folders below it are skipped when read again)
 * @param layout       how records are placed in folders; records cannot be skipped safely under
 *                     another layout
 */
public record Checkpoint(int version, String topic, int partition, String layout, long resumeOffset, Map<String, Long> covered,
        String updatedAt, String writer) {
    public static final int VERSION = 1;

    public Checkpoint {
        covered = new TreeMap<>(covered == null ? Map.of() : covered);
    }
}
