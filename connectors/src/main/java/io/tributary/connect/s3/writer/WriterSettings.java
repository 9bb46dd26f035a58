package io.tributary.connect.s3.writer;

import io.tributary.connect.s3.partition.EventTimeExtractor;
import io.tributary.connect.s3.partition.Partitioner;
import io.tributary.connect.s3.rotation.RotationPolicy;
import io.tributary.connect.s3.schema.SchemaEvolution;

/**
 * How records become files.
 *
 * @param bufferBudgetBytes memory all open files' record buffers of a task may hold together
 * @param overflow          what to do when they would hold more
 * @param writer            who writes (connector and task), recorded in checkpoints
 */
public record WriterSettings(Partitioner partitioner, EventTimeExtractor eventTime, RotationPolicy rotation, SchemaEvolution evolution,
        long bufferBudgetBytes, MemoryOverflow overflow, String writer) {

    /** How records are placed in folders; a checkpoint written under another layout cannot be trusted to skip records. */
    public String layout() {
        return partitioner.describe() + "/" + eventTime.describe();
    }
}
