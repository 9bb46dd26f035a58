package io.tributary.registry.server.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

class AvroSchemaParserTest {
    private final AvroSchemaParser parser = new AvroSchemaParser();

    @Test
    void whitespaceAndKeyOrderDoNotChangeTheCanonicalForm() {
        ParsedSchema a = parser.parse("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
        ParsedSchema b = parser.parse("""
                {
                  "name" : "Order",
                  "fields": [ { "type": "long", "name": "id" } ],
                  "type": "record"
                }""");
        assertThat(a).isEqualTo(b);
        assertThat(a.canonical()).isEqualTo("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
        assertThat(a.type()).isEqualTo(SchemaType.AVRO);
    }

    @Test
    void aDifferentDefaultIsADifferentSchema() {
        ParsedSchema withDefault = parser.parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":1}]}");
        ParsedSchema otherDefault = parser.parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":2}]}");
        assertThat(withDefault).isNotEqualTo(otherDefault);
    }

    @Test
    void primitiveSchemasAreAccepted() {
        assertThat(parser.parse("\"string\"").canonical()).isEqualTo("\"string\"");
    }

    @Test
    void anUnknownTypeIsRefusedNamingIt() {
        assertThatThrownBy(() -> parser.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"strin\"}]}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
                    assertThat(e.getMessage()).startsWith("Invalid Avro schema").contains("strin");
                });
    }

    @Test
    void aDefaultOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> parser.parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}]}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
                    assertThat(e.getMessage()).contains("n");
                });
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> parser.parse("{not json"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA));
        assertThatThrownBy(() -> parser.parse("  "))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.getMessage()).contains("empty"));
    }

    @Test
    void aRecordWithoutFieldsIsRefused() {
        assertThatThrownBy(() -> parser.parse("{\"type\":\"record\",\"name\":\"R\"}"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA));
    }
}
