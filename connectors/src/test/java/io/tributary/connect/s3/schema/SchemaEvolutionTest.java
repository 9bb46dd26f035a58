package io.tributary.connect.s3.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {
    private static final Schema V1 = SchemaBuilder.record("R").fields().requiredString("id").endRecord();
    /** Adds a field with a default: reads V1 data (backward) and V1 reads its data (forward). */
    private static final Schema V2 = SchemaBuilder.record("R").fields().requiredString("id").name("n").type().intType().intDefault(0)
            .endRecord();
    /** Adds a field without default: cannot read V1 data, but V1 can read its data (forward only). */
    private static final Schema V3 = SchemaBuilder.record("R").fields().requiredString("id").requiredInt("m").endRecord();
    /** Changes a type: neither reads the other. */
    private static final Schema V4 = SchemaBuilder.record("R").fields().requiredLong("id").endRecord();

    private static FileSchemas file(Schema schema, long version) {
        return new FileSchemas(schema, version);
    }

    @Test
    void theSameSchemaIsAppendedWhateverItsInstance() {
        SchemaEvolution none = new SchemaEvolution(CompatibilityMode.NONE);
        Schema sameAsV1 = new Schema.Parser().parse(V1.toString());
        assertThat(none.decide(file(V1, 1), sameAsV1, 7)).isEqualTo(new SchemaDecision.Append(0));
    }

    @Test
    void noneRotatesOnAnyChange() {
        SchemaEvolution none = new SchemaEvolution(CompatibilityMode.NONE);
        assertThat(none.decide(file(V1, 1), V2, 2)).isInstanceOf(SchemaDecision.Rotate.class);
        assertThat(none.decide(file(V2, 2), V1, 1)).isInstanceOf(SchemaDecision.Rotate.class);
        assertThat(none.decide(file(V1, 1), V4, 4)).isInstanceOf(SchemaDecision.Rotate.class);
    }

    @Test
    void backwardMovesFilesForwardAndProjectsOlderRecords() {
        SchemaEvolution backward = new SchemaEvolution(CompatibilityMode.BACKWARD);
        assertThat(backward.decide(file(V1, 1), V2, 2)).isInstanceOf(SchemaDecision.Rotate.class);
        assertThat(backward.decide(file(V2, 2), V1, 1)).isInstanceOf(SchemaDecision.Project.class);
        assertThat(backward.decide(file(V1, 1), V3, 3)).isInstanceOf(SchemaDecision.Reject.class);
        assertThat(backward.decide(file(V1, 1), V4, 4)).isInstanceOfSatisfying(SchemaDecision.Reject.class,
                r -> assertThat(r.reason()).contains("R v4").contains("R v1").contains("BACKWARD").contains("/fields/0/type"));
        assertThat(backward.decide(file(V3, 3), V1, 1)).as("V3 cannot read V1 records (m has no default)")
                .isInstanceOf(SchemaDecision.Reject.class);
    }

    @Test
    void forwardKeepsTheFilesSchema() {
        SchemaEvolution forward = new SchemaEvolution(CompatibilityMode.FORWARD);
        assertThat(forward.decide(file(V1, 1), V2, 2)).isInstanceOf(SchemaDecision.Project.class);
        assertThat(forward.decide(file(V1, 1), V3, 3)).isInstanceOf(SchemaDecision.Project.class);
        assertThat(forward.decide(file(V3, 3), V1, 1)).isInstanceOf(SchemaDecision.Reject.class);
        assertThat(forward.decide(file(V1, 1), V4, 4)).isInstanceOf(SchemaDecision.Reject.class);
    }

    @Test
    void fullNeedsBothDirections() {
        SchemaEvolution full = new SchemaEvolution(CompatibilityMode.FULL);
        assertThat(full.decide(file(V1, 1), V2, 2)).isInstanceOf(SchemaDecision.Rotate.class);
        assertThat(full.decide(file(V2, 2), V1, 1)).isInstanceOf(SchemaDecision.Project.class);
        assertThat(full.decide(file(V1, 1), V3, 3)).isInstanceOf(SchemaDecision.Reject.class);
    }

    @Test
    void projectedSchemasAreRememberedByIndex() {
        FileSchemas schemas = file(V2, 2);
        assertThat(schemas.add(V1)).isEqualTo(1);
        assertThat(new SchemaEvolution(CompatibilityMode.BACKWARD).decide(schemas, V1, 1)).isEqualTo(new SchemaDecision.Append(1));
        assertThat(schemas.writers()).containsExactly(V2, V1);
    }
}
