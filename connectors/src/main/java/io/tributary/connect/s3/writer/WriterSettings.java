package io.tributary.connect.s3.writer;

import io.tributary.connect.s3.parquet.ParquetSettings;
import io.tributary.connect.s3.partition.EventTimeExtractor;
import io.tributary.connect.s3.partition.Partitioner;
import io.tributary.connect.s3.rotation.RotationPolicy;

/**
 * How records become files.
 *
 * @param memoryBudgetBytes memory all open files together may hold before the largest batch is
 *                          committed early
 */
public record WriterSettings(Partitioner partitioner, EventTimeExtractor eventTime, RotationPolicy rotation,
        ParquetSettings parquet, long memoryBudgetBytes) {
}
