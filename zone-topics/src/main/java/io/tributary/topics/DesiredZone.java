package io.tributary.topics;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;
import io.tributary.model.ZoneDescriptor;

/** The topics and schema subjects a zone's descriptor asks for. */
public record DesiredZone(String zone, List<TopicSpec> topics, List<SchemaSpec> schemas) {

    public DesiredZone {
        topics = List.copyOf(topics);
        schemas = List.copyOf(schemas);
    }

    /**
     * Every managed stage's topic for each dataset, and each dataset's schema as the value schema
     * of its staging topic (landing holds raw bytes; rejected holds the original bytes); for each
     * entity its compacted ods topic, its mapped topic (with several sources) and its schema under {@code <zone>.ods.<entity>-value};
     * for each analytical output its compacted topic and schema.
     */
    public static DesiredZone of(ZoneDescriptor descriptor, StageTopicPolicy policy) {
        List<TopicSpec> topics = new ArrayList<>();
        List<SchemaSpec> schemas = new ArrayList<>();
        for (DatasetSpec dataset : descriptor.datasets()) {
            for (Stage stage : policy.stages()) {
                topics.add(policy.topic(descriptor.zone(), dataset, stage));
            }
            if (dataset.schema() != null) {
                String subject = TopicName.of(descriptor.zone(), Stage.STAGING, dataset.name()).valueSubject();
                schemas.add(new SchemaSpec(subject, dataset.schema()));
            }
        }
        for (EntitySpec entity : descriptor.entities()) {
            topics.add(policy.entityTopic(descriptor.zone(), entity));
            if (entity.sources().size() > 1) {
                // Only entities with several sources have a separate upsert step reading this topic.
                topics.add(policy.mappedTopic(descriptor.zone(), entity));
            }
            schemas.add(new SchemaSpec(entity.topic(descriptor.zone()).valueSubject(), entity.schema()));
        }
        for (AnalyticalSpec output : descriptor.analytical()) {
            topics.add(policy.analyticalTopic(descriptor.zone(), output));
            schemas.add(new SchemaSpec(output.topic(descriptor.zone()).valueSubject(), output.schema()));
        }
        return new DesiredZone(descriptor.zone(), topics, schemas);
    }
}
