package io.tributary.registry.client.serde;

import org.apache.avro.Schema;

/** The record's full name: one lineage per record type, whatever the topic. */
public final class RecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}
