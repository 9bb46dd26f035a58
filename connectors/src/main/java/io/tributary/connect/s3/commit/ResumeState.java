package io.tributary.connect.s3.commit;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What the lake holds of a Kafka partition when it is opened.
 *
 * @param resumeOffset where to resume consuming; empty when the lake holds nothing of it
 * @param covered      folders with files beyond the resume offset: records of a folder below its
 *                     value are already in the lake
 * @param etag         entity tag of the checkpoint object as read, for the next conditional
 *                     write; null when there is none yet
 */
public record ResumeState(OptionalLong resumeOffset, Map<String, Long> covered, String etag) {
    public static final ResumeState EMPTY = new ResumeState(OptionalLong.empty(), Map.of(), null);

    public ResumeState {
        covered = Map.copyOf(covered);
    }
}
