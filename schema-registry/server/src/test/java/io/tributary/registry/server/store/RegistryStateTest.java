package io.tributary.registry.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tributary.registry.server.schema.ParsedSchema;
import io.tributary.registry.server.schema.SchemaType;

class RegistryStateTest {
    private static final ParsedSchema A = new ParsedSchema(SchemaType.AVRO, "\"string\"");
    private static final ParsedSchema B = new ParsedSchema(SchemaType.AVRO, "\"long\"");

    private final RegistryState state = new RegistryState();

    @Test
    void anEmptyStateHandsOutIdAndVersionOne() {
        assertThat(state.nextId()).isEqualTo(1);
        assertThat(state.nextVersion("s")).isEqualTo(1);
        assertThat(state.subjects()).isEmpty();
        assertThat(state.latestLiveVersion("s")).isEmpty();
    }

    @Test
    void oneSchemaUnderTwoSubjectsKeepsOneId() {
        state.applySchema("s1", 1, 7, A, false);
        state.applySchema("s2", 1, 7, A, false);
        assertThat(state.idOf(A)).contains(7);
        assertThat(state.nextId()).isEqualTo(8);
        assertThat(state.schemaCount()).isEqualTo(1);
        assertThat(state.subjects()).containsExactly("s1", "s2");
        assertThat(state.liveVersionHolding("s2", A)).map(SubjectVersion::version).contains(1);
        assertThat(state.liveVersionHolding("s2", B)).isEmpty();
    }

    @Test
    void softDeletedVersionsAreHiddenButNotReused() {
        state.applySchema("s", 1, 1, A, false);
        state.applySchema("s", 2, 2, B, true);
        assertThat(state.liveVersions("s")).containsExactly(1);
        assertThat(state.latestLiveVersion("s")).map(SubjectVersion::version).contains(1);
        assertThat(state.liveVersion("s", 2)).isEmpty();
        assertThat(state.nextVersion("s")).isEqualTo(3);
        assertThat(state.liveVersionHolding("s", B)).isEmpty();

        state.applySchema("t", 1, 1, A, true);
        assertThat(state.subjects()).containsExactly("s");
        assertThat(state.hasLiveVersions("t")).isFalse();
    }

    @Test
    void aTombstoneRemovesTheVersionButTheSchemaKeepsItsId() {
        state.applySchema("s", 1, 1, A, false);
        state.removeVersion("s", 1);
        assertThat(state.subjects()).isEmpty();
        assertThat(state.nextVersion("s")).isEqualTo(1);
        assertThat(state.schemaById(1)).map(StoredSchema::schema).contains("\"string\"");
        assertThat(state.idOf(A)).contains(1);
    }

    @Test
    void aReservedIdIsNeverHandedOut() {
        state.applySchema("s", 1, 3, A, false);
        state.reserveId(9);
        assertThat(state.nextId()).isEqualTo(10);
    }

    @Test
    void latestIsTheHighestLiveVersion() {
        state.applySchema("s", 1, 1, A, false);
        state.applySchema("s", 2, 2, B, false);
        SubjectVersion latest = state.latestLiveVersion("s").orElseThrow();
        assertThat(latest).isEqualTo(new SubjectVersion("s", 2, 2, SchemaType.AVRO, "\"long\""));
    }
}
