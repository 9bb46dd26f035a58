package io.tributary.processors.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform topic batch reports go to ({@code _tributary.batches} by default). Shared by all
 * zones, so no zone's descriptor owns it; a validator with batch datasets creates it if it is
 * missing (compacted by key {@code <zone>.<dataset>/<batch>} would lose history, so it is a
 * plain topic with the broker's retention).
 */
@Singleton
public class BatchesTopic {
    private static final Logger LOG = LoggerFactory.getLogger(BatchesTopic.class);

    private final ValidatorConfig.Batches config;
    private final KafkaSettings kafka;

    @Inject
    public BatchesTopic(ValidatorConfig config, KafkaSettings kafka) {
        this.config = config.batches();
        this.kafka = kafka;
    }

    void ensureExists() {
        if (!config.createTopic()) {
            return;
        }
        try (Admin admin = Admin.create(kafka.asMap())) {
            admin.createTopics(List.of(new NewTopic(config.topic(), Optional.of(config.partitions()), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            LOG.info("Created the batch report topic {}", config.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warn("Cannot create the batch report topic {} ({}); batch decisions wait until it exists", config.topic(),
                        e.getCause().getMessage());
            }
        } catch (Exception e) {
            LOG.warn("Cannot create the batch report topic {} ({}); batch decisions wait until it exists", config.topic(),
                    e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
