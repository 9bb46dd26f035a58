package io.tributary.cli.strimzi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.topics.ClusterProfile;
import io.tributary.topics.DesiredZone;
import io.tributary.topics.StageTopicPolicy;
import io.tributary.topics.TopicSpec;

/** The rendered Strimzi resources say exactly what the descriptors say: every topic and ACL, nothing extra. */
class StrimziZoneResourcesTest {
    private static final Path HOME = Path.of(System.getProperty("tributary.home", "..")).toAbsolutePath().normalize();
    private static final List<ZoneDescriptor> ZONES = DescriptorLoader.loadDirectory(HOME.resolve("examples/zones"));
    private static final StageTopicPolicy POLICY = StageTopicPolicy.defaults(ClusterProfile.production());

    @Test
    void everyTopicAndAclOfTheDescriptorsIsRenderedAndNothingElse(@TempDir Path out) throws IOException {
        StrimziZoneWriter.write(new StrimziZoneResources("tributary", POLICY).of(ZONES), out);

        Set<String> expectedTopics = new HashSet<>();
        ZONES.forEach(z -> expectedTopics(z).forEach(t -> expectedTopics.add(t.name() + " " + t.partitions() + " "
                + t.replicationFactor() + " " + t.configs())));
        Set<String> expectedAcls = new HashSet<>();
        for (AclBinding b : ZoneAcls.desired(ZONES)) {
            expectedAcls.add(b.entry().principal().substring("User:".length()) + " " + b.entry().permissionType() + " "
                    + StrimziZoneResources.operation(b.entry().operation()) + " " + b.pattern().resourceType() + " " + b.pattern().name()
                    + " " + b.pattern().patternType());
        }
        Set<String> expectedUsers = new HashSet<>();
        ZoneAcls.principals(ZONES).forEach(p -> expectedUsers.add(p.userName()));

        Set<String> topics = new HashSet<>();
        Set<String> acls = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (ZoneDescriptor zone : ZONES) {
            for (JsonNode r : documents(out.resolve(zone.zone() + ".yaml"))) {
                assertThat(r.at("/apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
                assertThat(r.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("tributary");
                assertThat(r.at("/metadata/labels/tributary.io~1zone").asText()).isEqualTo(zone.zone());
                assertThat(r.at("/metadata/name").asText()).matches("[a-z0-9]([-.a-z0-9]*[a-z0-9])?");
                if (r.at("/kind").asText().equals("KafkaTopic")) {
                    Map<String, String> configs = new java.util.LinkedHashMap<>();
                    r.at("/spec/config").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
                    TopicSpec spec = new TopicSpec(r.at("/spec/topicName").asText(), r.at("/spec/partitions").asInt(),
                            (short) r.at("/spec/replicas").asInt(), configs);
                    String expectedConfigs = expectedTopics(zone).stream().filter(t -> t.name().equals(spec.name()))
                            .findFirst().map(t -> t.partitions() + " " + t.replicationFactor() + " " + new java.util.TreeMap<>(t.configs()))
                            .orElse("unexpected topic " + spec.name());
                    assertThat(spec.partitions() + " " + spec.replicationFactor() + " " + new java.util.TreeMap<>(configs)).isEqualTo(expectedConfigs);
                    topics.add(spec.name());
                } else {
                    assertThat(r.at("/kind").asText()).isEqualTo("KafkaUser");
                    assertThat(r.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
                    String user = r.at("/metadata/name").asText();
                    users.add(user);
                    for (JsonNode rule : r.at("/spec/authorization/acls")) {
                        String permission = rule.path("type").asText("allow").equals("deny") ? "DENY" : "ALLOW";
                        String type = switch (rule.at("/resource/type").asText()) {
                            case "topic" -> "TOPIC";
                            case "group" -> "GROUP";
                            case "transactionalId" -> "TRANSACTIONAL_ID";
                            default -> "CLUSTER";
                        };
                        String name = type.equals("CLUSTER") ? "kafka-cluster" : rule.at("/resource/name").asText();
                        String pattern = rule.at("/resource/patternType").asText("literal").equals("prefix") ? "PREFIXED" : "LITERAL";
                        for (JsonNode op : rule.at("/operations")) {
                            acls.add(user + " " + permission + " " + op.asText() + " " + type + " " + name + " " + pattern);
                        }
                    }
                }
            }
        }
        assertThat(topics).containsExactlyInAnyOrderElementsOf(expectedTopics.stream().map(t -> t.substring(0, t.indexOf(' '))).toList());
        assertThat(users).containsExactlyInAnyOrderElementsOf(expectedUsers);
        assertThat(acls).containsExactlyInAnyOrderElementsOf(expectedAcls);
    }

    /** The descriptor's topics and the zone's three platform topics (one partition, the cluster's replication and min ISR). */
    private static List<TopicSpec> expectedTopics(ZoneDescriptor zone) {
        List<TopicSpec> expected = new ArrayList<>(DesiredZone.of(zone, POLICY).topics());
        for (PlatformTopics.PlatformTopic topic : PlatformTopics.of(zone.zone())) {
            Map<String, String> configs = new java.util.HashMap<>(topic.configs());
            configs.put("min.insync.replicas", "2");
            expected.add(new TopicSpec(topic.name(), 1, (short) 3, configs));
        }
        return expected;
    }

    @Test
    void eachZoneFileHasItsThreePlatformTopicsWithKubernetesNames(@TempDir Path out) throws IOException {
        StrimziZoneWriter.write(new StrimziZoneResources("tributary", POLICY).of(ZONES, true, false), out);
        Map<String, JsonNode> hr = new java.util.HashMap<>();
        for (JsonNode r : documents(out.resolve("hr.yaml"))) {
            hr.put(r.at("/spec/topicName").asText(), r);
        }
        assertThat(hr.get("_tributary.hr.batches").at("/metadata/name").asText()).isEqualTo("tributary.hr.batches");
        assertThat(hr.get("_tributary.hr.holds").at("/metadata/name").asText()).isEqualTo("tributary.hr.holds");
        assertThat(hr.get("_tributary.hr.holds").at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
        assertThat(hr.get("_tributary.hr.holds.audit").at("/metadata/name").asText()).isEqualTo("tributary.hr.holds.audit");
        assertThat(hr.get("_tributary.hr.holds.audit").at("/spec/config/retention.ms").asText()).isEqualTo("-1");
        assertThat(hr.get("_tributary.hr.batches").at("/spec/partitions").asInt()).isEqualTo(1);
        assertThat(hr.get("_tributary.hr.batches").at("/spec/replicas").asInt()).isEqualTo(3);
        // Each zone's file has its own zone's platform topics only.
        assertThat(hr.keySet()).filteredOn(t -> t.startsWith("_tributary.")).containsExactlyInAnyOrder(
                "_tributary.hr.batches", "_tributary.hr.holds", "_tributary.hr.holds.audit");
        assertThat(StrimziZoneResources.kubernetesName("_tributary.data_lake.batches")).isEqualTo("tributary.data-lake.batches");
    }

    @Test
    void theChartsCheckedZoneFilesAreWhatRenderWritesToday(@TempDir Path out) throws IOException {
        // helm/checks/zone-files holds `zones render --strimzi --kinds users` of the examples; the chart checks validate it
        // against the Strimzi CRDs. It must not drift from what the code renders.
        StrimziZoneWriter.write(new StrimziZoneResources("tributary", POLICY).of(ZONES, false, true), out);
        for (ZoneDescriptor zone : ZONES) {
            assertThat(HOME.resolve("helm/checks/zone-files/" + zone.zone() + ".yaml")).hasSameTextualContentAs(out.resolve(zone.zone() + ".yaml"));
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = YamlDocuments.read(file);
        assertThat(Files.readString(file)).startsWith("# Zone ");
        return docs;
    }

    @Test
    void aZoneWhoseNameHoldsAnUnderscoreGetsItsTopicsButNoKafkaUsers(@TempDir Path dir) throws IOException {
        List<ZoneDescriptor> zones = OneDatasetZone.write(dir, "data_lake");
        StrimziZoneResources resources = new StrimziZoneResources("tributary", POLICY);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resources.of(zones, false, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data_lake").hasMessageContaining("Kubernetes resource name").hasMessageContaining("--kinds topics");
        assertThat(resources.of(zones, true, false).get("data_lake")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("kind")).isEqualTo("KafkaTopic"));
    }
}
