package io.tributary.registry.server.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.schema.CompatibilityLevel;
import io.tributary.registry.server.schema.RegistryMode;
import io.tributary.registry.server.schema.SchemaReference;
import io.tributary.registry.server.store.SchemaInput;

/**
 * Reads request bodies. Done here rather than by the framework so that every malformed body is
 * answered with a Confluent error body that says what is wrong and where (line, column, field).
 */
final class RequestBodyReader {
    private final ObjectMapper json;

    RequestBodyReader() {
        json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // A number or boolean where a schema string belongs is a mistake, not something to coerce.
        json.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** A registration, look-up or compatibility body, checked for what this registry supports. */
    RegisterSchemaRequest registration(String body) {
        RegisterSchemaRequest request = read(body, RegisterSchemaRequest.class, "{\"schema\": \"...\"}");
        if (request.schema() == null) {
            throw RegistryException.invalidSchema("Invalid schema: the field 'schema' is missing from the request body.");
        }
        if (present(request.metadata())) {
            throw RegistryException.invalidSchema("Schema metadata ('metadata') is not supported by this registry.");
        }
        if (present(request.ruleSet())) {
            throw RegistryException.invalidSchema("Data contract rules ('ruleSet') are not supported by this registry.");
        }
        return request;
    }

    /** The schema part of a registration body, references checked field by field. */
    SchemaInput schema(RegisterSchemaRequest request, boolean normalize) {
        List<SchemaReference> references = new ArrayList<>();
        List<RegisterSchemaRequest.ReferenceRequest> given = request.references() == null ? List.of() : request.references();
        for (int i = 0; i < given.size(); i++) {
            RegisterSchemaRequest.ReferenceRequest ref = given.get(i);
            if (ref == null || ref.name() == null || ref.name().isBlank() || ref.subject() == null || ref.subject().isBlank()
                    || ref.version() == null) {
                throw RegistryException.invalidSchema("Invalid schema: references[" + i
                        + "] needs 'name', 'subject' and 'version', e.g. {\"name\": \"com.acme.Address\", \"subject\": "
                        + "\"address-value\", \"version\": 1}.");
            }
            if (ref.version() == 0 || ref.version() < -1) {
                throw RegistryException.invalidSchema("Invalid schema: references[" + i + "].version is " + ref.version()
                        + "; expected a version from 1, or -1 for the latest.");
            }
            references.add(new SchemaReference(ref.name(), ref.subject(), ref.version()));
        }
        return new SchemaInput(request.schemaType(), request.schema(), references, normalize);
    }

    CompatibilityLevel compatibility(String body) {
        ConfigUpdateRequest request = read(body, ConfigUpdateRequest.class, "{\"compatibility\": \"BACKWARD\"}");
        String level = request.level();
        return CompatibilityLevel.parse(level).orElseThrow(() -> new RegistryException(ErrorCode.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level " + (level == null ? "(the field 'compatibility' is missing)" : "'" + level + "'")
                        + ". Valid values are " + Arrays.toString(CompatibilityLevel.values()) + "."));
    }

    RegistryMode mode(String body) {
        ModeUpdateRequest request = read(body, ModeUpdateRequest.class, "{\"mode\": \"READONLY\"}");
        return RegistryMode.parse(request.mode()).orElseThrow(() -> new RegistryException(ErrorCode.INVALID_MODE,
                "Invalid mode " + (request.mode() == null ? "(the field 'mode' is missing)" : "'" + request.mode() + "'")
                        + ". Valid values are " + Arrays.toString(RegistryMode.values()) + "."));
    }

    private <T> T read(String body, Class<T> type, String example) {
        if (body == null || body.isBlank()) {
            throw new RegistryException(ErrorCode.MALFORMED_REQUEST,
                    "Malformed request: the body is empty; expected a JSON object such as " + example + ".");
        }
        try {
            JsonNode tree = json.readTree(body);
            if (!tree.isObject()) {
                throw new RegistryException(ErrorCode.UNPROCESSABLE_REQUEST, "Unprocessable request: the body is a JSON "
                        + tree.getNodeType().name().toLowerCase(Locale.ROOT) + ", expected an object such as " + example + ".");
            }
            return json.treeToValue(tree, type);
        } catch (JsonParseException e) {
            throw new RegistryException(ErrorCode.MALFORMED_REQUEST, "Malformed JSON body" + at(e.getLocation())
                    + ": " + e.getOriginalMessage(), e);
        } catch (JsonMappingException e) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_REQUEST, "Unprocessable request: field '"
                    + fieldPath(e) + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new RegistryException(ErrorCode.MALFORMED_REQUEST, "Malformed JSON body" + at(e.getLocation())
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isEmpty();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }
}
