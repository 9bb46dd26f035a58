package io.tributary.connect.s3.archive;

import org.apache.avro.Schema;

/**
 * The schema of a raw archive row: everything needed to replay a Kafka record exactly (its
 * key, value and header bytes untouched, its timestamp) and to say where it came from.
 */
public final class ArchiveSchema {
    public static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "ArchivedRecord", "namespace": "io.tributary.archive",
             "doc": "A Kafka record as it was consumed, bytes untouched, for replay",
             "fields": [
              {"name": "topic", "type": "string"},
              {"name": "partition", "type": "int"},
              {"name": "offset", "type": "long"},
              {"name": "timestamp", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
              {"name": "timestamp_type", "type": "string", "doc": "CreateTime, LogAppendTime or NoTimestampType"},
              {"name": "key", "type": ["null", "bytes"], "default": null},
              {"name": "value", "type": ["null", "bytes"], "default": null},
              {"name": "headers", "type": {"type": "array", "items": {"type": "record", "name": "ArchivedHeader", "fields": [
                {"name": "key", "type": "string"},
                {"name": "value", "type": ["null", "bytes"], "default": null}]}}}
             ]}""");

    private ArchiveSchema() {
    }
}
