package io.tributary.registry.server.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

class SchemaValidatorTest {
    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void avroIsTheDefaultTypeAndIsCaseInsensitive() {
        assertThat(validator.validate(null, "\"int\"").type()).isEqualTo(SchemaType.AVRO);
        assertThat(validator.validate("avro", "\"int\"").type()).isEqualTo(SchemaType.AVRO);
    }

    @Test
    void otherTypesAreRefusedClearly() {
        assertThatThrownBy(() -> validator.validate("PROTOBUF", "syntax = \"proto3\";"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
                    assertThat(e.getMessage()).contains("Unsupported schemaType 'PROTOBUF'").contains("AVRO");
                });
        assertThatThrownBy(() -> validator.validate("XML", "<a/>"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.getMessage()).contains("Unknown schemaType 'XML'"));
    }

    @Test
    void schemasFromTheLogAreKeptEvenWhenThisRegistryWouldRefuseThem() {
        ParsedSchema proto = validator.fromLog("PROTOBUF", "syntax = \"proto3\";");
        assertThat(proto).isEqualTo(new ParsedSchema(SchemaType.PROTOBUF, "syntax = \"proto3\";"));
        ParsedSchema broken = validator.fromLog(null, "{broken");
        assertThat(broken).isEqualTo(new ParsedSchema(SchemaType.AVRO, "{broken"));
        ParsedSchema avro = validator.fromLog(null, "{ \"type\" : \"string\" }");
        assertThat(avro.canonical()).isEqualTo("\"string\"");
        assertThatThrownBy(() -> validator.fromLog("XML", "<a/>")).isInstanceOf(IllegalArgumentException.class);
    }
}
