package io.tributary.connect.source.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

/**
 * Which landing topics exist, looked up on the cluster the worker writes to (cached for a
 * while): a file dropped in the folder of a dataset the zone does not declare is rejected instead
 * of blocking the task on a topic that will not come.
 */
public final class LandingTopics implements AutoCloseable {
    private static final Duration CACHE = Duration.ofSeconds(30);

    private final Admin admin;
    private final Clock clock;
    private Set<String> topics = Set.of();
    private Instant fetchedAt = Instant.MIN;

    public LandingTopics(Map<String, Object> adminSettings, Clock clock) {
        this.admin = Admin.create(new HashMap<>(adminSettings));
        this.clock = clock;
    }

    public boolean exists(String topic) {
        if (!topics.contains(topic) && clock.instant().isAfter(fetchedAt.plus(CACHE.dividedBy(10)))
                || clock.instant().isAfter(fetchedAt.plus(CACHE))) {
            try {
                topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                fetchedAt = clock.instant();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Cannot list the topics of the landing cluster: " + e.getMessage(), e);
            }
        }
        return topics.contains(topic);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
