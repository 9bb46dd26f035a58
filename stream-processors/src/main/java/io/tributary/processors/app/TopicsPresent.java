package io.tributary.processors.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits until topics exist, saying once a minute which are still missing. */
final class TopicsPresent {
    private static final Logger LOG = LoggerFactory.getLogger(TopicsPresent.class);

    private TopicsPresent() {
    }

    static void await(Map<String, Object> client, List<String> topics, String zone) throws InterruptedException {
        long lastLog = 0;
        try (Admin admin = Admin.create(client)) {
            while (true) {
                Set<String> missing = new TreeSet<>(topics);
                try {
                    missing.removeAll(admin.listTopics().names().get(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    LOG.warn("Zone {}: cannot list topics: {}", zone, e.toString());
                }
                if (missing.isEmpty()) {
                    return;
                }
                if (System.currentTimeMillis() - lastLog > 60_000) {
                    LOG.info("Zone {}: ods pipelines wait for topics {} (apply the zone: tributary zones apply)", zone, missing);
                    lastLog = System.currentTimeMillis();
                }
                Thread.sleep(1_000);
            }
        }
    }
}
