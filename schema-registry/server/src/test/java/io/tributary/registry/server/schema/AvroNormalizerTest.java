package io.tributary.registry.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvroNormalizerTest {
    private final AvroSchemaParser parser = new AvroSchemaParser();

    @Test
    void namesAreFullAndKeysOrdered() {
        String nested = "{\"namespace\":\"acme\",\"type\":\"record\",\"name\":\"Outer\",\"doc\":\"d\",\"fields\":["
                + "{\"name\":\"inner\",\"type\":{\"type\":\"record\",\"name\":\"Inner\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}},"
                + "{\"name\":\"again\",\"type\":\"Inner\"},"
                + "{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"Kind\",\"namespace\":\"other\",\"symbols\":[\"A\"]}},"
                + "{\"name\":\"list\",\"type\":{\"type\":\"array\",\"items\":\"Inner\"}}]}";
        String normalised = parser.parse(nested, java.util.List.of(), java.util.List.of(), true).parsed().canonical();
        assertThat(normalised).isEqualTo("{\"type\":\"record\",\"name\":\"acme.Outer\",\"doc\":\"d\",\"fields\":["
                + "{\"name\":\"inner\",\"type\":{\"type\":\"record\",\"name\":\"acme.Inner\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}},"
                + "{\"name\":\"again\",\"type\":\"acme.Inner\"},"
                + "{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"other.Kind\",\"symbols\":[\"A\"]}},"
                + "{\"name\":\"list\",\"type\":{\"type\":\"array\",\"items\":\"acme.Inner\"}}]}");
        // The normalised text is itself a valid schema that normalises to itself.
        assertThat(parser.parse(normalised, java.util.List.of(), java.util.List.of(), true).parsed().canonical()).isEqualTo(normalised);
    }

    @Test
    void compatibilityFollowsAvrosRules() {
        CompatibilityChecker checker = new CompatibilityChecker();
        org.apache.avro.Schema v1 = new org.apache.avro.Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        org.apache.avro.Schema widened = new org.apache.avro.Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"long\"}]}");
        java.util.List<CompatibilityChecker.Previous> previous = java.util.List.of(new CompatibilityChecker.Previous(1, v1));
        assertThat(checker.check(CompatibilityLevel.BACKWARD, widened, previous)).isEmpty();
        assertThat(checker.check(CompatibilityLevel.FORWARD, widened, previous)).singleElement().asString()
                .contains("TYPE_MISMATCH").contains("version 1 cannot read");
        assertThat(checker.check(CompatibilityLevel.FULL, widened, previous)).hasSize(1);
        assertThat(checker.check(CompatibilityLevel.NONE, widened, previous)).isEmpty();
    }
}
