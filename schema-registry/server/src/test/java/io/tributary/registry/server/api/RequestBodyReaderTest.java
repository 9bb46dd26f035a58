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
        assertThatThrownBy(() -> reader.registration(
                "{\"schema\":\"\\\"string\\\"\",\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
                    assertThat(e.getMessage()).contains("references");
                });
        assertThatThrownBy(() -> reader.registration("{\"schema\":\"\\\"string\\\"\",\"ruleSet\":{\"domainRules\":[{}]}}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("ruleSet"));
        assertThatThrownBy(() -> reader.registration("{\"schema\":\"\\\"string\\\"\",\"id\":12}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("IMPORT"));
    }
}
