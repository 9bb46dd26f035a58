package io.tributary.processors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.tributary.model.DatasetSpec;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.TestValidators;
import io.tributary.processors.topology.DatasetValidator;
import io.tributary.processors.topology.ValidatorLimits;
import io.tributary.processors.topology.Verdict;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.SubjectVersion;
import io.tributary.registry.client.WireFormat;

/**
 * The validator's own line of defence when the registry lets anything through (compatibility
 * NONE): a latest version that cannot read the current one's data is not applied, and records go
 * on being judged and written with the current contract; a compatible one after it is applied.
 */
class SchemaEvolutionTest {
    private static final String SUBJECT = "shop.staging.orders-value";
    private final DatasetSpec orders = ShopFixtures.dataset("orders");
    private final AnythingGoesRegistry registry = new AnythingGoesRegistry();

    @Test
    void aNonBackwardCompatibleLatestVersionIsRefusedAndTheCurrentContractStays() {
        int v1 = registry.register(SUBJECT, orders.schema());
        DatasetValidator validator = TestValidators.validator(orders, v1, Map.of());
        SchemaEvolution evolution = new SchemaEvolution("shop", registry, TestValidators.writers(Map.of()), ValidatorLimits.DEFAULTS,
                List.of(validator));

        // A new required field without a default: staging data written so far cannot be read with it.
        Schema incompatible = withField("{\"name\":\"channel\",\"type\":\"string\"}");
        int v2 = registry.register(SUBJECT, incompatible);
        evolution.poll();
        evolution.poll();

        assertThat(validator.contract().schemaId()).isEqualTo(v1).isNotEqualTo(v2);
        assertThat(validator.contract().schema()).isEqualTo(orders.schema());
        Verdict verdict = validator.validate(ShopFixtures.VALID_ORDER.getBytes(StandardCharsets.UTF_8), new RecordHeaders());
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        assertThat(WireFormat.schemaId(((Verdict.Accepted) verdict).value())).as("still written with the current version").isEqualTo(v1);

        // A compatible version after it (an optional field) is applied from the next record on.
        Schema compatible = withField("{\"name\":\"coupon\",\"type\":[\"null\",\"string\"],\"default\":null}");
        int v3 = registry.register(SUBJECT, compatible);
        evolution.poll();
        assertThat(validator.contract().schemaId()).isEqualTo(v3);
        Verdict next = validator.validate(ShopFixtures.VALID_ORDER.getBytes(StandardCharsets.UTF_8), new RecordHeaders());
        assertThat(WireFormat.schemaId(((Verdict.Accepted) next).value())).isEqualTo(v3);
    }

    @Test
    void aVersionThatLacksTheKeyFieldOrBreaksTheRulesIsRefusedToo() {
        int v1 = registry.register(SUBJECT, orders.schema());
        DatasetValidator validator = TestValidators.validator(orders, v1, Map.of());
        SchemaEvolution evolution = new SchemaEvolution("shop", registry, TestValidators.writers(Map.of()), ValidatorLimits.DEFAULTS,
                List.of(validator));

        // Dropping 'total' is backward compatible for Avro, but the rule positive_total reads it.
        Schema withoutTotal = new Schema.Parser().parse(orders.schema().toString()
                .replaceFirst("\\{\"name\":\"total\",\"type\":\\{[^}]*\\}\\},", ""));
        assertThat(withoutTotal.getField("total")).isNull();
        registry.register(SUBJECT, withoutTotal);
        evolution.poll();

        assertThat(validator.contract().schemaId()).isEqualTo(v1);
    }

    private Schema withField(String fieldJson) {
        String json = orders.schema().toString().replace("{\"name\":\"weight_kg\"", fieldJson + ",{\"name\":\"weight_kg\"");
        Schema schema = new Schema.Parser().parse(json);
        assertThat(schema.getFields()).hasSize(orders.schema().getFields().size() + 1);
        return schema;
    }

    /** A registry with compatibility NONE: every registration is a new version. */
    private static final class AnythingGoesRegistry implements SchemaRegistry {
        private final List<Schema> byId = new ArrayList<>();
        private final List<Integer> versions = new ArrayList<>();

        @Override
        public int register(String subject, Schema schema) {
            byId.add(schema);
            versions.add(byId.size());
            return byId.size();
        }

        @Override
        public Schema schemaById(int id) {
            if (id < 1 || id > byId.size()) {
                throw new RegistryException("Schema " + id + " not found", 404, 40403);
            }
            return byId.get(id - 1);
        }

        @Override
        public Optional<SubjectVersion> latest(String subject) {
            if (!subject.equals(SUBJECT) || versions.isEmpty()) {
                return Optional.empty();
            }
            int id = versions.get(versions.size() - 1);
            return Optional.of(new SubjectVersion(subject, versions.size(), id, byId.get(id - 1)));
        }

        @Override
        public List<String> subjects() {
            return versions.isEmpty() ? List.of() : List.of(SUBJECT);
        }
    }
}
