package io.tributary.registry.client.serde;

import org.apache.avro.Schema;

/** {@code <topic>-<record full name>}: several record types in one topic, each with its own lineage. */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
        return topic + "-" + schema.getFullName();
    }
}
