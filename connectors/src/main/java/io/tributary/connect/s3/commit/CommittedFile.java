package io.tributary.connect.s3.commit;

import org.apache.avro.Schema;

import io.tributary.model.TopicName;

/** A file that is now visible in the lake: what the catalog and the metrics are told. */
public record CommittedFile(TopicName topic, int partition, String partitionPath, String key, Schema tableSchema, long records,
        long bytes, long latencyMillis) {
}
