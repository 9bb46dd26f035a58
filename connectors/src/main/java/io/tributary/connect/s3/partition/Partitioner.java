package io.tributary.connect.s3.partition;

import java.util.List;

import org.apache.avro.generic.GenericRecord;

/** Chooses the folder of a dataset a record belongs in, e.g. {@code dt=2024-05-01/hr=08} or {@code region=eu}. */
public interface Partitioner {

    /**
     * The record's partition path: Hive-style {@code name=value} segments separated by
     * slashes, no leading or trailing slash. Depends on the record only, so a re-run after a
     * crash routes every record where the first run did.
     *
     * @param routing the record's routing fields (see {@link #fields()})
     * @throws io.tributary.connect.s3.errors.BadRecordException if the record cannot be placed
     */
    String partitionPath(long eventTimeMillis, GenericRecord routing);

    /** The value fields this partitioner reads. */
    default List<String> fields() {
        return List.of();
    }

    /** How records are placed, for the checkpoint: a re-run with another layout would place them elsewhere. */
    String describe();
}
