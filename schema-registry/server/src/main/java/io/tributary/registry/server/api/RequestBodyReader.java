package io.tributary.registry.server.api;

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

    RegisterSchemaRequest registration(String body) {
        if (body == null || body.isBlank()) {
            throw new RegistryException(ErrorCode.MALFORMED_REQUEST,
                    "Malformed request: the body is empty; expected a JSON object such as {\"schema\": \"...\"}.");
        }
        try {
            JsonNode tree = json.readTree(body);
            if (!tree.isObject()) {
                throw new RegistryException(ErrorCode.UNPROCESSABLE_REQUEST, "Unprocessable request: the body is a JSON "
                        + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", expected an object such as {\"schema\": \"...\"}.");
            }
            RegisterSchemaRequest request = json.treeToValue(tree, RegisterSchemaRequest.class);
            checkSupported(request);
            return request;
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

    private static void checkSupported(RegisterSchemaRequest request) {
        if (request.schema() == null) {
            throw RegistryException.invalidSchema("Invalid schema: the field 'schema' is missing from the request body.");
        }
        if (request.references() != null && !request.references().isEmpty()) {
            throw RegistryException.invalidSchema("Schema references ('references') are not supported by this registry yet.");
        }
        if (present(request.metadata())) {
            throw RegistryException.invalidSchema("Schema metadata ('metadata') is not supported by this registry yet.");
        }
        if (present(request.ruleSet())) {
            throw RegistryException.invalidSchema("Data contract rules ('ruleSet') are not supported by this registry yet.");
        }
        // Confluent's clients send an id or version only to import schemas (IMPORT mode).
        if (request.id() != null && request.id() >= 0 || request.version() != null && request.version() > 0) {
            throw RegistryException.invalidSchema(
                    "Registering with a given 'id' or 'version' needs IMPORT mode, which this registry does not support yet.");
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
