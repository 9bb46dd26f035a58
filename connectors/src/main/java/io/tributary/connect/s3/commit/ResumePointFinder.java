package io.tributary.connect.s3.commit;

import java.util.OptionalLong;

import io.tributary.model.TopicName;

/** Where a Kafka partition's data stops being durable in the lake. */
public interface ResumePointFinder {

    /**
     * The offset to consume next for {@code topic}/{@code partition}: every record before it
     * is durably stored (or was reported as bad), none after it. Empty when the lake holds
     * nothing of that partition. May clean up what an interrupted commit left behind.
     */
    OptionalLong resumeOffset(TopicName topic, int partition);
}
