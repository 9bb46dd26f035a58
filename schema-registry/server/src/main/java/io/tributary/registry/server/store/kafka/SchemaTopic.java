package io.tributary.registry.server.store.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema topic as an admin sees it: created when missing (one partition, compacted, because
 * the registry's order of writes must be total and its latest record per key must survive), and
 * refused when it exists with a layout that would lose or reorder schemas.
 */
final class SchemaTopic {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaTopic.class);

    private final Admin admin;
    private final SchemaLogSettings settings;
    private final TopicPartition partition;

    SchemaTopic(Admin admin, SchemaLogSettings settings) {
        this.admin = admin;
        this.settings = settings;
        this.partition = new TopicPartition(settings.topic(), 0);
    }

    TopicPartition partition() {
        return partition;
    }

    /** Creates the topic if missing, else checks it. Transient Kafka failures surface as exceptions to retry. */
    void ensure() throws ExecutionException, InterruptedException, TimeoutException {
        String topic = settings.topic();
        try {
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(timeoutMs(), TimeUnit.MILLISECONDS).get(topic);
            check(description);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            create();
        }
    }

    private void create() throws ExecutionException, InterruptedException, TimeoutException {
        NewTopic newTopic = new NewTopic(settings.topic(), 1, settings.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeoutMs(), TimeUnit.MILLISECONDS);
            LOG.info("Created schema topic {} (1 partition, cleanup.policy=compact, replication factor {})",
                    settings.topic(), settings.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // Another instance created it meanwhile; it is checked on the next start like any other.
        }
    }

    private void check(TopicDescription description) throws ExecutionException, InterruptedException, TimeoutException {
        int partitions = description.partitions().size();
        if (partitions != 1) {
            throw new SchemaTopicException("The schema topic " + settings.topic() + " has " + partitions
                    + " partitions; it must have exactly 1, or the order of registrations is lost.");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, settings.topic());
        Config config = admin.describeConfigs(Set.of(resource)).all()
                .get(timeoutMs(), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null ? ""
                : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            throw new SchemaTopicException("The schema topic " + settings.topic() + " has cleanup.policy=" + policy
                    + "; it must be 'compact', or old schemas are deleted with time.");
        }
    }

    /** The offset after the last record now in the topic. */
    long endOffset() throws ExecutionException, InterruptedException, TimeoutException {
        // The last stable offset: what a read_committed reader can reach.
        ListOffsetsResult result = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
        return result.partitionResult(partition).get(timeoutMs(), TimeUnit.MILLISECONDS).offset();
    }

    private long timeoutMs() {
        return settings.timeout().toMillis();
    }
}
