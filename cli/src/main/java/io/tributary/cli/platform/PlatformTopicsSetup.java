package io.tributary.cli.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.ClientSettings;
import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;

/**
 * Creates every zone's platform topics ({@link PlatformTopics#of}: {@code _tributary.<zone>.batches},
 * {@code .holds}, {@code .holds.audit}) that are missing, with their configs, one partition each and the
 * broker's default replication. The platform creates them because no zone role may create topics;
 * the processors, the ingress source and the steward wait for them. Existing topics are left as they are.
 */
public final class PlatformTopicsSetup {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformTopicsSetup.class);
    private static final long TIMEOUT_SECONDS = 30;

    private PlatformTopicsSetup() {
    }

    /** @return the topics created now (empty when all existed) */
    public static List<String> ensurePlatformTopics(ClientSettings kafka, List<ZoneDescriptor> zones) {
        List<NewTopic> wanted = new ArrayList<>();
        for (ZoneDescriptor zone : zones) {
            for (PlatformTopics.PlatformTopic topic : PlatformTopics.of(zone.zone())) {
                wanted.add(new NewTopic(topic.name(), Optional.of(1), Optional.empty()).configs(topic.configs()));
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(kafka.asConfig())) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(wanted).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                if (create(result.getKey(), result.getValue())) {
                    created.add(result.getKey());
                    LOG.info("Created platform topic {}", result.getKey());
                }
            }
        }
        return created;
    }

    /** @return whether the topic was created now (false: it existed) */
    private static boolean create(String topic, KafkaFuture<Void> result) {
        try {
            result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("Cannot create platform topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating platform topic " + topic, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The broker did not create platform topic " + topic + " within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
