package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.cli.platform.PlatformTopicsSetup;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/** What `tributary up` and `zones apply` create for each zone on a real (secured) broker: its three platform topics, once. */
class PlatformTopicsSetupTest {
    private static final List<ZoneDescriptor> EXAMPLES = DescriptorLoader.loadDirectory(
            Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath());
    @TempDir
    static Path dir;
    private static SecuredTestBroker broker;

    @BeforeAll
    static void start() throws IOException {
        broker = SecuredTestBroker.start(dir);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eachZoneGetsItsOwnBatchesHoldsAndAuditTopicsWithTheirConfigsOnce() throws Exception {
        ClientSettings platform = ClientSettings.load(Path.of(broker.clientConfig()));
        List<String> expected = List.of("_tributary.finance.batches", "_tributary.finance.holds", "_tributary.finance.holds.audit",
                "_tributary.hr.batches", "_tributary.hr.holds", "_tributary.hr.holds.audit");

        assertThat(PlatformTopicsSetup.ensurePlatformTopics(platform, EXAMPLES)).containsExactlyInAnyOrderElementsOf(expected);
        // Applying again (a restart, another `zones apply`) finds them and creates nothing.
        assertThat(PlatformTopicsSetup.ensurePlatformTopics(platform, EXAMPLES)).isEmpty();

        try (Admin admin = Admin.create(broker.client())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).filteredOn(t -> t.startsWith("_tributary."))
                    .containsExactlyInAnyOrderElementsOf(expected);
            Map<String, TopicDescription> described = admin.describeTopics(expected).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(1));
            Map<String, String> finance = configs(admin, "_tributary.finance.holds");
            assertThat(finance).containsEntry("cleanup.policy", "compact");
            assertThat(configs(admin, "_tributary.hr.holds.audit")).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
            // Not compacted: a batch's arrival and its outcome share the key, and both must stay.
            assertThat(configs(admin, "_tributary.hr.batches")).containsEntry("cleanup.policy", "delete").doesNotContainEntry("retention.ms", "-1");
        }
    }

    private static Map<String, String> configs(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        return config.entries().stream().collect(Collectors.toMap(e -> e.name(), e -> e.value() == null ? "" : e.value()));
    }
}
