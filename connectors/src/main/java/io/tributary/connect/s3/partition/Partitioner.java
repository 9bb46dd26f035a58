package io.tributary.connect.s3.partition;

import org.apache.avro.generic.GenericRecord;

/** Chooses the folder of a dataset a record belongs in, e.g. {@code dt=2024-05-01}. */
public interface Partitioner {

    /** The record's partition path (no leading or trailing slash). */
    String partitionPath(long eventTimeMillis, GenericRecord value);
}
