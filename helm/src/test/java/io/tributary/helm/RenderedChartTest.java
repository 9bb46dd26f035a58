package io.tributary.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
        dev = render("dev");
        production = render("production");
    }

    private static Manifests render(String environment, String... more) {
        List<String> args = new ArrayList<>(List.of("template", "tributary", Dirs.stagedChart().toString(), "--namespace",
                "data-platform", "--kube-version", "1.30.0", "-f", Dirs.environment(environment).toString()));
        args.addAll(List.of(more));
        CheckRun run = CheckRun.helm(args.toArray(String[]::new));
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
    void eachZoneGetsItsOwnThreePlatformTopicsWhichNoZoneRoleMayCreate() {
        for (String zone : List.of("finance", "hr")) {
            JsonNode batches = dev.get("KafkaTopic", "tributary." + zone + ".batches");
            assertThat(batches.at("/spec/topicName").asText()).isEqualTo("_tributary." + zone + ".batches");
            assertThat(batches.at("/metadata/labels/tributary.io~1zone").asText()).isEqualTo(zone);
            assertThat(batches.at("/spec/partitions").asInt()).isEqualTo(1);
            assertThat(batches.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(batches.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
            // Not compacted: a batch's arrival and its outcome share the key.
            assertThat(batches.at("/spec/config").has("cleanup.policy")).isFalse();
            JsonNode holds = dev.get("KafkaTopic", "tributary." + zone + ".holds");
            assertThat(holds.at("/spec/topicName").asText()).isEqualTo("_tributary." + zone + ".holds");
            assertThat(holds.at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
            JsonNode audit = dev.get("KafkaTopic", "tributary." + zone + ".holds.audit");
            assertThat(audit.at("/spec/topicName").asText()).isEqualTo("_tributary." + zone + ".holds.audit");
            assertThat(audit.at("/spec/config/retention.ms").asLong()).isEqualTo(-1L);
            assertThat(audit.at("/spec/config/cleanup.policy").asText()).isEqualTo("delete");
        }
        // Nothing shared across zones remains.
        assertThat(dev.ofKind("KafkaTopic")).extracting(t -> t.at("/spec/topicName").asText()).filteredOn(t -> t.startsWith("_tributary."))
                .hasSize(6).allMatch(t -> t.startsWith("_tributary.finance.") || t.startsWith("_tributary.hr."));
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

    @Test
    void theRegistryAuthenticatesWithTheUsersSecretAndEnforcesZoneBoundaries() {
        for (Manifests environment : List.of(dev, production)) {
            JsonNode pod = environment.get("Deployment", "tributary-registry").at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(env(container, "AUTHENTICATION_METHOD").path("value").asText()).isEqualTo("BASIC");
            assertThat(env(container, "AUTHENTICATION_USERS_FILE").path("value").asText())
                    .isEqualTo("/etc/tributary/registry-users/users.properties");
            assertThat(env(container, "AUTHORIZATION_ZONES").path("value").asText()).isEqualTo("true");
            assertThat(env(container, "AUTHORIZATION_READ").path("value").asText()).isEqualTo("ZONE");
            JsonNode mount = named(container.path("volumeMounts"), "users");
            assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/tributary/registry-users");
            assertThat(mount.path("readOnly").asBoolean()).isTrue();
            // No subPath: kubelet only updates a Secret's files in a whole-volume mount, and the registry reloads them.
            assertThat(mount.has("subPath")).isFalse();
            JsonNode volume = named(pod.path("volumes"), "users");
            assertThat(volume.at("/secret/secretName").asText()).isEqualTo("tributary-registry-users");
            assertThat(volume.at("/secret/items/0/key").asText()).isEqualTo("users.properties");
        }
    }

    @Test
    void processorsLogInToTheRegistryAsTheirZoneRolesWithTheirKafkaUsersPasswords() {
        JsonNode container = dev.get("Deployment", "tributary-finance-processors").at("/spec/template/spec/containers/0");
        assertLogin(container, "TRIBUTARY_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "finance-validator", "finance-validator");
        assertLogin(container, "TRIBUTARY_ROLES_CANONICALISER_REGISTRY_BASIC_AUTH_USER_INFO", "finance-canonicaliser", "finance-canonicaliser");
        assertLogin(container, "TRIBUTARY_ROLES_ANALYTICAL_REGISTRY_BASIC_AUTH_USER_INFO", "finance-analytical", "finance-analytical");
        JsonNode hr = dev.get("Deployment", "tributary-hr-processors").at("/spec/template/spec/containers/0");
        assertLogin(hr, "TRIBUTARY_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "hr-validator", "hr-validator");
        assertThat(hr.path("env").toString()).doesNotContain("TRIBUTARY_ROLES_");
    }

    @Test
    void theUserNameIsTheDocumentedPrincipalWhateverTheSecretIsCalled() {
        Manifests renamed = render("dev", "--set", "zones.finance.kafkaUserSecrets.processors=finance-validator-scram");
        JsonNode container = renamed.get("Deployment", "tributary-finance-processors").at("/spec/template/spec/containers/0");
        assertLogin(container, "TRIBUTARY_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "finance-validator", "finance-validator-scram");
    }

    @Test
    void approvedStageSinksLogInToTheRegistryAsTheZonesConnectUser() {
        assertThat(dev.get("KafkaConnector", "finance-expenses-staging-s3-sink").at("/spec/config/schema.registry.basic.auth.user.info").asText())
                .isEqualTo("finance-connect:${secrets:data-platform/finance-connect:password}");
        assertThat(dev.get("KafkaConnector", "finance-expense-ods-s3-sink").at("/spec/config/schema.registry.basic.auth.user.info").asText())
                .isEqualTo("finance-connect:${secrets:data-platform/finance-connect:password}");
        assertThat(production.get("KafkaConnector", "hr-departments-staging-s3-sink").at("/spec/config/schema.registry.basic.auth.user.info").asText())
                .isEqualTo("hr-connect:${secrets:data-platform/hr-connect:password}");
        // A landing archive keeps the bytes and asks the registry nothing; connect may not read landing subjects anyway.
        assertThat(dev.get("KafkaConnector", "finance-expenses-landing-s3-sink").at("/spec/config").has("schema.registry.basic.auth.user.info"))
                .isFalse();
    }

    @Test
    void theIngestWritesFinancesLandingAsFinancesProducer() {
        for (Manifests environment : List.of(dev, production)) {
            JsonNode container = environment.get("Deployment", "tributary-ingest").at("/spec/template/spec/containers/0");
            String prefix = "TRIBUTARY_INGEST_ZONE_FINANCE_KAFKA__";
            assertThat(env(container, prefix + "SASL_JAAS_CONFIG__").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("finance-producer");
            assertThat(env(container, prefix + "SASL_JAAS_CONFIG__").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("sasl.jaas.config");
            assertThat(env(container, prefix + "SECURITY_PROTOCOL__").path("value").asText()).isEqualTo("SASL_SSL");
            assertThat(env(container, prefix + "SASL_MECHANISM__").path("value").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(env(container, prefix + "SSL_TRUSTSTORE_TYPE__").path("value").asText()).isEqualTo("PEM");
            assertThat(env(container, prefix + "SSL_TRUSTSTORE_LOCATION__").path("value").asText()).isEqualTo("/etc/tributary/kafka-ca/ca.crt");
            // The shared login stays for the batches topic and zones without their own producer.
            assertThat(env(container, "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("tributary-ingest");
            // hr is not in ingest.zones.
            assertThat(container.path("env").toString()).doesNotContain("TRIBUTARY_INGEST_ZONE_HR_");
        }
    }

    @Test
    void withoutTheUsersSecretOrProducerSecretNothingOfItIsRendered() {
        Manifests off = render("dev", "--set", "registry.authentication.usersSecret=", "--set", "zones.finance.kafkaUserSecrets.producer=");
        JsonNode registry = off.get("Deployment", "tributary-registry").at("/spec/template/spec");
        assertThat(registry.toString()).doesNotContain("AUTHENTICATION_", "AUTHORIZATION_", "registry-users");
        assertThat(off.get("Deployment", "tributary-finance-processors").toString())
                .doesNotContain("BASIC_AUTH_USER_INFO", "REGISTRY_PASSWORD");
        assertThat(off.ofKind("KafkaConnector").toString()).doesNotContain("basic.auth.user.info");
        assertThat(off.get("Deployment", "tributary-ingest").toString()).doesNotContain("TRIBUTARY_INGEST_ZONE_");
    }

    private static void assertLogin(JsonNode container, String variable, String user, String secret) {
        List<String> names = StreamSupport.stream(container.path("env").spliterator(), false).map(e -> e.path("name").asText()).toList();
        String value = env(container, variable).path("value").asText();
        assertThat(value).startsWith(user + ":$(").endsWith(")");
        String passwordVariable = value.substring(value.indexOf("$(") + 2, value.length() - 1);
        JsonNode password = env(container, passwordVariable).at("/valueFrom/secretKeyRef");
        assertThat(password.path("name").asText()).isEqualTo(secret);
        assertThat(password.path("key").asText()).isEqualTo("password");
        // Kubernetes expands $(VAR) only from variables defined before it.
        assertThat(names.indexOf(passwordVariable)).isLessThan(names.indexOf(variable));
    }

    private static JsonNode named(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).filter(e -> e.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing named " + name + " in " + list));
    }

    private static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + container.path("env")));
    }
}
