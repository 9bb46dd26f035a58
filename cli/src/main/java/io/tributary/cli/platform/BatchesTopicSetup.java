package io.tributary.cli.platform;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.tributary.model.ClientSettings;
import io.tributary.topics.holds.HoldLog;

/**
 * Creates the platform's batch topic ({@code _tributary.batches}) if it is missing: the ingress
 * source writes arrival records there even for zones whose validator has no batch dataset (and
 * so does not create it). A plain topic with the broker's retention: compaction by batch key would
 * lose the arrival or the outcome.
 */
public final class BatchesTopicSetup {
    static final String TOPIC = "_tributary.batches";

    private BatchesTopicSetup() {
    }

    /**
     * The platform topics every zone shares: {@code _tributary.batches}, {@code _tributary.holds} and its
     * audit log. The platform creates them (no zone role may create topics); the processors wait for them.
     */
    public static void ensurePlatformTopics(ClientSettings kafka) {
        ensureExists(kafka);
        new HoldLog(kafka.asConfig(), HoldLog.HOLDS_TOPIC, HoldLog.AUDIT_TOPIC).ensureTopics();
    }

    static void ensureExists(ClientSettings kafka) {
        try (Admin admin = Admin.create(kafka.asConfig())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create " + TOPIC + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + TOPIC, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The broker did not create " + TOPIC + " within 30 s", e);
        }
    }
}
