package io.tributary.registry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

class RequestBodyReaderTest {
    private final RequestBodyReader reader = new RequestBodyReader();

    @Test
    void readsConfluentsRegistrationBodyIgnoringUnknownFields() {
        RegisterSchemaRequest r = reader.registration(
                "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"AVRO\",\"references\":[],\"somethingNew\":1}");
        assertThat(r.schema()).isEqualTo("\"string\"");
        assertThat(r.schemaType()).isEqualTo("AVRO");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> reader.registration("{\n  \"schema\": \"x\",,\n}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
                    assertThat(e.getMessage()).contains("line 2, column");
                });
    }

    @Test
    void aSchemaThatIsNotAStringNamesTheField() {
        assertThatThrownBy(() -> reader.registration("{\"schema\": {\"type\":\"string\"}}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNPROCESSABLE_REQUEST);
                    assertThat(e.getMessage()).contains("'schema'");
                });
        assertThatThrownBy(() -> reader.registration("{\"schema\": 5}"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.getMessage()).contains("'schema'"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> reader.registration("[1]"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNPROCESSABLE_REQUEST);
                    assertThat(e.getMessage()).contains("array");
                });
        assertThatThrownBy(() -> reader.registration(""))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
    }

    @Test
    void unsupportedFeaturesAreRefusedNotDropped() {
        assertThatThrownBy(() -> reader.registration("{}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("'schema' is missing"));
        assertThatThrownBy(() -> reader.registration("{\"schema\":\"\\\"string\\\"\",\"ruleSet\":{\"domainRules\":[{}]}}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("ruleSet"));
        assertThatThrownBy(() -> reader.registration("{\"schema\":\"\\\"string\\\"\",\"metadata\":{\"tags\":{\"a\":[\"b\"]}}}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("metadata"));
    }

    @Test
    void referencesAreReadAndIncompleteOnesNamed() {
        RegisterSchemaRequest request = reader.registration(
                "{\"schema\":\"\\\"string\\\"\",\"references\":[{\"name\":\"x.Y\",\"subject\":\"y\",\"version\":2}],\"id\":12}");
        assertThat(reader.schema(request, true).references())
                .containsExactly(new io.tributary.registry.server.schema.SchemaReference("x.Y", "y", 2));
        assertThat(reader.schema(request, true).normalize()).isTrue();
        assertThat(request.id()).isEqualTo(12);
        RegisterSchemaRequest missingSubject = reader.registration(
                "{\"schema\":\"\\\"string\\\"\",\"references\":[{\"name\":\"a.B\",\"version\":1},{}]}");
        assertThatThrownBy(() -> reader.schema(missingSubject, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
                    assertThat(e.getMessage()).contains("references[0]");
                });
    }

    @Test
    void configAndModeBodiesNameTheBadValue() {
        assertThat(reader.compatibility("{\"compatibility\":\"full_transitive\"}"))
                .isEqualTo(io.tributary.registry.server.schema.CompatibilityLevel.FULL_TRANSITIVE);
        assertThatThrownBy(() -> reader.compatibility("{\"compatibility\":\"SIDEWAYS\"}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_COMPATIBILITY_LEVEL);
                    assertThat(e.getMessage()).contains("SIDEWAYS").contains("BACKWARD_TRANSITIVE");
                });
        assertThatThrownBy(() -> reader.mode("{\"mode\":\"WRITEONLY\"}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_MODE));
        assertThatThrownBy(() -> reader.mode("{}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("'mode' is missing"));
    }
}
