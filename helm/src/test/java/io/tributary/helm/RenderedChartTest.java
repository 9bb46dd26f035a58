package io.tributary.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** What the chart renders for the dev and production values: the platform a cluster would run. */
class RenderedChartTest {
    private static Manifests dev;
    private static Manifests production;

    @BeforeAll
    static void render() {
        dev = template("dev");
        production = template("production");
    }

    private static Manifests template(String environment) {
        CheckRun run = CheckRun.helm("template", "tributary", Dirs.stagedChart().toString(), "--namespace", "data-platform",
                "--kube-version", "1.30.0", "-f", Dirs.environment(environment).toString());
        if (run.exitCode() != 0) {
            throw new AssertionError(run.describe());
        }
        return Manifests.parse(run.output());
    }

    @Test
    void processorsScaleUpToTheirZonesPartitionCount() {
        assertThat(dev.get("HorizontalPodAutoscaler", "tributary-finance-processors").at("/spec/maxReplicas").asInt()).isEqualTo(3);
        assertThat(dev.get("HorizontalPodAutoscaler", "tributary-hr-processors").at("/spec/maxReplicas").asInt()).isEqualTo(1);
        JsonNode prodFinance = production.get("HorizontalPodAutoscaler", "tributary-finance-processors");
        assertThat(prodFinance.at("/spec/maxReplicas").asInt()).isEqualTo(6);
        assertThat(prodFinance.at("/spec/minReplicas").asInt()).isEqualTo(2);
    }

    @Test
    void eachZoneGetsTheConnectorsTheLocalPlatformRuns() {
        List<String> finance = dev.ofKind("KafkaConnector").stream()
                .filter(c -> c.at("/metadata/labels/tributary.io~1zone").asText().equals("finance"))
                .map(c -> c.at("/metadata/name").asText()).toList();
        assertThat(finance).containsExactlyInAnyOrder(
                "finance-expenses-landing-s3-sink", "finance-expenses-staging-s3-sink",
                "finance-expense-reports-landing-s3-sink", "finance-expense-reports-staging-s3-sink",
                "finance-card-transactions-landing-s3-sink", "finance-card-transactions-staging-s3-sink",
                "finance-fx-rates-landing-s3-sink", "finance-fx-rates-staging-s3-sink",
                "finance-rejected-s3-sink",
                "finance-expense-ods-s3-sink",
                "finance-expense-facts-analytical-s3-sink", "finance-monthly-spend-by-department-analytical-s3-sink",
                "finance-ingress-source");

        JsonNode staging = dev.get("KafkaConnector", "finance-card-transactions-staging-s3-sink").at("/spec/config");
        assertThat(staging.path("topics").asText()).isEqualTo("finance.staging.card_transactions");
        assertThat(staging.path("partition.field").asText()).isEqualTo("at");
        assertThat(staging.path("s3.bucket").asText()).isEqualTo("tributary-dev-lake");
        // Each zone's connectors log in as the zone's connect user, not as the worker.
        assertThat(staging.path("consumer.override.sasl.jaas.config").asText())
                .isEqualTo("${secrets:data-platform/finance-connect:sasl.jaas.config}");
        JsonNode landing = dev.get("KafkaConnector", "finance-expenses-landing-s3-sink").at("/spec/config");
        assertThat(landing.path("format").asText()).isEqualTo("archive");
        assertThat(landing.has("partition.field")).isFalse();
        // Landing and rejected hold original bytes: read as the worker's own (platform) user, which the ACLs allow, not the zone's.
        assertThat(landing.has("consumer.override.sasl.jaas.config")).isFalse();
        JsonNode rejected = dev.get("KafkaConnector", "finance-rejected-s3-sink").at("/spec/config");
        assertThat(rejected.path("format").asText()).isEqualTo("rejected");
        assertThat(rejected.path("topics.regex").asText()).isEqualTo("finance\\.rejected\\..+");
        assertThat(rejected.path("header.converter").asText()).isEqualTo("org.apache.kafka.connect.converters.ByteArrayConverter");
        assertThat(rejected.has("topics")).isFalse();
        assertThat(rejected.has("consumer.override.sasl.jaas.config")).isFalse();
        assertThat(dev.get("KafkaConnector", "hr-departments-staging-s3-sink").at("/spec/config/consumer.override.sasl.jaas.config").asText())
                .contains("/hr-connect:");
        assertThat(dev.get("KafkaConnector", "finance-ingress-source").at("/spec/config/s3.bucket").asText()).isEqualTo("tributary-dev-ingress");
        // The ods sink names its entity's key and version, so that Glue gets the entity's _current view.
        JsonNode ods = dev.get("KafkaConnector", "finance-expense-ods-s3-sink").at("/spec/config");
        assertThat(ods.path("catalog.class").asText()).isEqualTo("io.tributary.connect.s3.catalog.GlueSinkCatalog");
        assertThat(ods.path("catalog.entity.key").asText()).isEqualTo("expense_id");
        assertThat(ods.path("catalog.entity.version").asText()).isEqualTo("submitted_at");
        assertThat(staging.has("catalog.entity.key")).isFalse();
    }

    @Test
    void topicsKeepTheirNamesAndTakeTheZonesPartitionsAndRetention() {
        JsonNode topic = dev.get("KafkaTopic", "finance.landing.card-transactions");
        assertThat(topic.at("/spec/topicName").asText()).isEqualTo("finance.landing.card_transactions");
        assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(3);
        assertThat(topic.at("/spec/config/retention.ms").asLong()).isEqualTo(604_800_000L);
        assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("tributary");
        assertThat(dev.get("KafkaTopic", "finance.staging.fx-rates").at("/spec/partitions").asInt()).isEqualTo(1);
        assertThat(dev.get("KafkaTopic", "finance.ods.expense").at("/spec/config/cleanup.policy").asText()).isEqualTo("compact,delete");
    }

    @Test
    void aZonesProcessorsUseItsOwnKafkaUserIamRoleAndDescriptor() {
        JsonNode deployment = dev.get("Deployment", "tributary-finance-processors");
        assertThat(deployment.at("/spec/replicas").isMissingNode()).as("the autoscaler owns the replica count").isTrue();
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(env(container, "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("finance-validator");
        assertThat(env(container, "TRIBUTARY_ZONE_DESCRIPTOR").path("value").asText()).isEqualTo("/etc/tributary/zone/finance.yaml");
        // The ods and analytical applications log in as their own roles (the key of the quoted map entry, see
        // RoleSettingsFromEnvironmentTest in stream-processors).
        assertThat(env(container, "TRIBUTARY_ROLES_CANONICALISER_KAFKA__SASL_JAAS_CONFIG__").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("finance-canonicaliser");
        assertThat(env(container, "TRIBUTARY_ROLES_ANALYTICAL_KAFKA__SASL_JAAS_CONFIG__").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("finance-analytical");
        assertThat(env(container, "TRIBUTARY_ROLES_ANALYTICAL_KAFKA__SECURITY_PROTOCOL__").path("value").asText()).isEqualTo("SASL_SSL");
        assertThat(dev.get("KafkaUser", "finance-canonicaliser").at("/spec/authorization/acls")).isNotEmpty();
        // hr declares no entities nor analytical outputs: its processors need no other login.
        JsonNode hr = dev.get("Deployment", "tributary-hr-processors").at("/spec/template/spec/containers/0/env");
        assertThat(hr.toString()).doesNotContain("TRIBUTARY_ROLES_");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");

        String account = pod.path("serviceAccountName").asText();
        assertThat(dev.get("ServiceAccount", account).at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/tributary-dev-finance-processors");

        JsonNode descriptor = dev.get("ConfigMap", "tributary-finance-processors-descriptor").path("data");
        assertThat(descriptor.path("finance.yaml").asText()).contains("zone: finance");
        assertThat(descriptor.has("finance__expenses.avsc")).isTrue();
        assertThat(descriptor.has("hr.yaml")).as("another zone's descriptor").isFalse();
    }

    @Test
    void nothingReachesAZonesProcessorsButPrometheus() {
        JsonNode policy = dev.get("NetworkPolicy", "tributary-finance-processors").path("spec");
        assertThat(policy.at("/podSelector/matchLabels/tributary.io~1zone").asText()).isEqualTo("finance");
        JsonNode from = policy.at("/ingress/0/from");
        assertThat(policy.path("ingress")).hasSize(1);
        assertThat(from).hasSize(1);
        assertThat(from.at("/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("monitoring");
        assertThat(from.at("/0/podSelector").isMissingNode()).isTrue();
        assertThat(policy.path("policyTypes").toString()).contains("Egress");
    }

    @Test
    void theRegistryRunsTwoInstancesThatForwardWritesToTheirLeader() {
        JsonNode registry = dev.get("Deployment", "tributary-registry");
        assertThat(registry.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(env(registry.at("/spec/template/spec/containers/0"), "HOST_NAME").at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("status.podIP");
        assertThat(dev.get("PodDisruptionBudget", "tributary-registry").at("/spec/minAvailable").asInt()).isEqualTo(1);
    }

    @Test
    void connectMayReadOnlyTheZonesConnectSecretsAndZoneFilesAreIncluded() {
        JsonNode role = dev.get("Role", "tributary-connect-zone-secrets");
        assertThat(role.at("/rules/0/resourceNames").toString()).isEqualTo("[\"finance-connect\",\"hr-connect\"]");
        // Sinks must not land the records of aborted transactions (a validator killed mid-transaction).
        assertThat(dev.get("KafkaConnect", "tributary-connect").at("/spec/config/consumer.isolation.level").asText())
                .isEqualTo("read_committed");
        assertThat(dev.get("KafkaConnect", "tributary-connect").at("/spec/image").asText())
                .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/tributary/tributary-connect:0.1.0-SNAPSHOT");
        // From helm/tributary/zones/ (what `tributary zones render --strimzi` writes).
        assertThat(dev.get("KafkaUser", "finance-validator").at("/spec/authorization/acls")).isNotEmpty();
    }

    private static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + container.path("env")));
    }
}
