package io.tributary.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/** The topics and subjects of entities and reference data, and the refusal of unpublished data across zones. */
class OdsTopicsTest {
    private final StageTopicPolicy policy = StageTopicPolicy.defaults(ClusterProfile.singleNode());

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private List<ZoneDescriptor> zones(String publishedTo) throws IOException {
        write("rate.avsc", """
                {"type":"record","name":"Rate","fields":[{"name":"currency","type":"string"},{"name":"rate","type":"double"}]}""");
        write("pay.avsc", """
                {"type":"record","name":"Pay","fields":[{"name":"id","type":"string"},{"name":"currency","type":"string"},
                 {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        write("payment.avsc", """
                {"type":"record","name":"Payment","fields":[{"name":"id","type":"string"},{"name":"rate","type":"double"},
                 {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        write("treasury.yaml", """
                zone: treasury
                owners: [t@example.com]
                steward: s@example.com
                datasets:
                  - {name: fx_rates, schema: rate.avsc, keyField: currency, reference: true, partitions: 1}
                publishes:
                  - {dataset: fx_rates, to: [%s]}
                """.formatted(publishedTo));
        write("fin.yaml", """
                zone: fin
                owners: [f@example.com]
                steward: s@example.com
                datasets:
                  - {name: payments, schema: pay.avsc, keyField: id}
                uses: [treasury.fx_rates]
                entities:
                  - name: payment
                    schema: payment.avsc
                    key: id
                    version: {eventTime: at}
                    partitions: 2
                    sources:
                      - dataset: payments
                        lookups:
                          - {name: rate, reference: treasury.fx_rates, key: currency, field: rate}
                        mappings:
                          rate: {lookup: rate}
                analytical:
                  - {name: payment_facts, schema: payment.avsc, from: payment}
                """);
        return DescriptorLoader.loadDirectory(dir);
    }

    @Test
    void anEntityGetsACompactedOdsTopicAndItsSubject() throws IOException {
        ZoneDescriptor fin = zones("fin").stream().filter(z -> z.zone().equals("fin")).findFirst().orElseThrow();
        DesiredZone desired = DesiredZone.of(fin, policy);

        TopicSpec ods = desired.topics().stream().filter(t -> t.name().equals("fin.ods.payment")).findFirst().orElseThrow();
        assertThat(ods.partitions()).isEqualTo(2);
        assertThat(ods.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
        // One source: the upsert runs in the source's mapping application, no mapped topic between them.
        assertThat(desired.topics()).extracting(TopicSpec::name).doesNotContain("fin.ods.payment.mapped");
        TopicSpec mapped = policy.mappedTopic("fin", fin.entity("payment").orElseThrow());
        assertThat(mapped.name()).isEqualTo("fin.ods.payment.mapped");
        assertThat(mapped.configs()).containsEntry("cleanup.policy", "delete");
        assertThat(desired.schemas()).extracting(SchemaSpec::subject).containsExactly("fin.staging.payments-value", "fin.ods.payment-value",
                "fin.analytical.payment_facts-value");
        assertThat(desired.topics()).filteredOn(t -> t.name().equals("fin.analytical.payment_facts")).singleElement()
                .satisfies(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
    }

    @Test
    void referenceDataIsCompactedInStaging() throws IOException {
        ZoneDescriptor treasury = zones("fin").stream().filter(z -> z.zone().equals("treasury")).findFirst().orElseThrow();
        DesiredZone desired = DesiredZone.of(treasury, policy);

        assertThat(desired.topics()).filteredOn(t -> t.name().equals("treasury.staging.fx_rates")).singleElement()
                .satisfies(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
        assertThat(desired.topics()).filteredOn(t -> t.name().equals("treasury.landing.fx_rates")).singleElement()
                .satisfies(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "delete"));
    }

    @Test
    void planRefusesAReferenceToDataNotPublishedToTheZone() throws IOException {
        Map<String, List<PlanProblem>> problems = ZonePlanner.referenceProblems(zones("audit"));

        assertThat(problems.get("treasury")).isEmpty();
        assertThat(problems.get("fin")).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("zone fin");
            assertThat(p.message()).contains("fin.yaml:6:8: uses[0]: zone fin uses treasury.fx_rates, but zone treasury does not "
                    + "publish fx_rates to fin");
        });
    }

    @Test
    void planAcceptsDataPublishedToTheZone() throws IOException {
        assertThat(ZonePlanner.referenceProblems(zones("fin, audit")).values()).allSatisfy(p -> assertThat(p).isEmpty());
    }
}
