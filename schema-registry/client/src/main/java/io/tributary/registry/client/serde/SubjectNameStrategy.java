package io.tributary.registry.client.serde;

import org.apache.avro.Schema;

/** Which subject a record's schema is registered and looked up under. */
@FunctionalInterface
public interface SubjectNameStrategy {
    String subject(String topic, boolean isKey, Schema schema);
}
