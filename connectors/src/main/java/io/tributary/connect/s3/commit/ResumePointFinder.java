package io.tributary.connect.s3.commit;

import io.tributary.model.TopicName;

/** Where a Kafka partition's data stops being durable in the lake. */
public interface ResumePointFinder {

    /**
     * What the lake holds of {@code topic}/{@code partition}: every record before the resume
     * offset is durably stored (or was reported as bad), and the folders it covers beyond. May
     * clean up what an interrupted commit left behind (orphaned multipart uploads).
     */
    ResumeState resume(TopicName topic, int partition);
}
