package io.tributary.processors.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until topics exist, saying once a minute which are still missing. Only lists topics, so it
 * needs no right beyond describing them (a topic the principal may not describe looks missing), and
 * never creates one: the platform does ({@code tributary zones apply}).
 */
final class TopicsPresent {
    private static final Logger LOG = LoggerFactory.getLogger(TopicsPresent.class);

    private TopicsPresent() {
    }

    /** @param waiting who waits, for the log: "ods pipelines" */
    static void await(Map<String, Object> client, List<String> topics, String zone, String waiting) throws InterruptedException {
        long lastLog = 0;
        try (Admin admin = Admin.create(client)) {
            while (true) {
                Set<String> missing = new TreeSet<>(topics);
                try {
                    missing.removeAll(admin.listTopics().names().get(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    LOG.warn("Zone {}: {} cannot list topics as {}: {}", zone, waiting, RoleIdentity.principalOf(client), e.toString());
                }
                if (missing.isEmpty()) {
                    return;
                }
                if (System.currentTimeMillis() - lastLog > 60_000) {
                    LOG.info("Zone {}: {} wait for topics {} (apply the zones: tributary zones apply; a topic {} may not describe looks missing)",
                            zone, waiting, missing, RoleIdentity.principalOf(client));
                    lastLog = System.currentTimeMillis();
                }
                Thread.sleep(1_000);
            }
        }
    }
}
