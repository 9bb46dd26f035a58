package io.tributary.connect.s3.format;

import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * What goes into one file: its schema, the writer schemas of its buffered records (by index),
 * where they came from, and the metadata the file carries about itself.
 */
public record FileContents(String topic, int partition, Schema schema, List<Schema> writerSchemas, Map<String, String> metadata) {
}
