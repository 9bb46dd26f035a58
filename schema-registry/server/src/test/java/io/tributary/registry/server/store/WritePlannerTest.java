package io.tributary.registry.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.RegistryMode;
import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.schema.SchemaValidator;

/** The decisions behind writes, on state in memory: what is written, what is refused and why. */
class WritePlannerTest {
    private static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final String BREAKING = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":\"string\"}]}";

    private final RegistryState state = new RegistryState();
    private final WritePlanner planner = new WritePlanner(state, new SchemaResolver(state, new SchemaValidator()));

    @Test
    void aNewSchemaGetsTheNextIdAndVersionAndAKnownOneIsNotWrittenAgain() {
        int id = apply(planner.register(Registration.of("s", SchemaInput.avro(V1))));
        assertThat(id).isEqualTo(1);
        WritePlanner.Plan<Integer> again = planner.register(Registration.of("s", SchemaInput.avro(V1)));
        assertThat(again.records()).isEmpty();
        assertThat(again.result()).isEqualTo(1);
        WritePlanner.Plan<Integer> elsewhere = planner.register(Registration.of("t", SchemaInput.avro(V1)));
        assertThat(elsewhere.records()).singleElement().isInstanceOfSatisfying(LogRecord.SchemaVersion.class,
                v -> assertThat(v.version()).isEqualTo(1));
        assertThat(elsewhere.result()).isEqualTo(1);
        assertThat(apply(planner.register(Registration.of("s", SchemaInput.avro(V2))))).isEqualTo(2);
        assertThat(state.versions("s", false)).containsExactly(1, 2);
    }

    @Test
    void incompatibleSchemasAreRefusedAtTheSubjectsLevel() {
        apply(planner.register(Registration.of("s", SchemaInput.avro(V1))));
        assertThatThrownBy(() -> planner.register(Registration.of("s", SchemaInput.avro(BREAKING))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
                    assertThat(e.getMessage()).contains("oldSchemaVersion: 1").contains("'b'").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
                });
        apply(planner.setConfig("s", CompatibilityLevel.NONE));
        assertThat(apply(planner.register(Registration.of("s", SchemaInput.avro(BREAKING))))).isEqualTo(2);
    }

    @Test
    void modesGuardWrites() {
        apply(planner.setMode("s", RegistryMode.READONLY, false));
        assertThatThrownBy(() -> planner.register(Registration.of("s", SchemaInput.avro(V1))))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED));
        apply(planner.deleteMode("s"));
        apply(planner.register(Registration.of("s", SchemaInput.avro(V1))));
        assertThatThrownBy(() -> planner.setMode(null, RegistryMode.IMPORT, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("force=true"));
        apply(planner.setMode("imp", RegistryMode.IMPORT, false));
        assertThat(apply(planner.register(new Registration("imp", SchemaInput.avro(BREAKING), 50, 4)))).isEqualTo(50);
        assertThat(state.versions("imp", false)).containsExactly(4);
        assertThat(state.nextId()).isEqualTo(51);
    }

    @Test
    void deletesGoSoftThenPermanentAndReferencesProtectTheirTargets() {
        apply(planner.register(Registration.of("addr", SchemaInput.avro(
                "{\"type\":\"record\",\"name\":\"Addr\",\"namespace\":\"x\",\"fields\":[{\"name\":\"c\",\"type\":\"string\"}]}"))));
        SchemaInput person = new SchemaInput(null, "{\"type\":\"record\",\"name\":\"P\",\"namespace\":\"x\",\"fields\":"
                + "[{\"name\":\"home\",\"type\":\"x.Addr\"}]}", List.of(new SchemaReference("x.Addr", "addr", 1)), false);
        int personId = apply(planner.register(Registration.of("person", person)));
        assertThat(state.referencedBy("addr", 1)).containsExactly(personId);
        assertThatThrownBy(() -> planner.deleteVersion("addr", 1, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REFERENCE_EXISTS));

        assertThatThrownBy(() -> planner.deleteSubject("person", true))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SUBJECT_NOT_SOFT_DELETED));
        assertThat(apply(planner.deleteSubject("person", false))).containsExactly(1);
        assertThat(state.referencedBy("addr", 1)).isEmpty();
        assertThatThrownBy(() -> planner.deleteSubject("person", false))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SUBJECT_SOFT_DELETED));
        WritePlanner.Plan<List<Integer>> permanent = planner.deleteSubject("person", true);
        assertThat(permanent.records()).singleElement().isEqualTo(new LogRecord.VersionTombstone("person", 1));
        apply(permanent);
        assertThat(state.hasAnyVersion("person")).isFalse();
        assertThat(state.schemaById(personId)).isPresent();
    }

    private <T> T apply(WritePlanner.Plan<T> plan) {
        plan.records().forEach(state::apply);
        return plan.result();
    }
}
