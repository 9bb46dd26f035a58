package io.tributary.registry.client.serde;

import org.apache.avro.Schema;

/** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (Confluent's default, the platform's contract). */
public final class TopicNameStrategy implements SubjectNameStrategy {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
        return topic + (isKey ? "-key" : "-value");
    }
}
