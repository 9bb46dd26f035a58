package io.tributary.catalog.glue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks request bodies against the AWS Glue API model (the input shapes of the operations the
 * catalog calls, from the published glue-2017-03-31 model): every required member present, no
 * member the API does not define, and each value of the shape's type.
 */
final class GlueApiModel {
    private final JsonNode model;

    GlueApiModel() {
        try (InputStream in = GlueApiModel.class.getResourceAsStream("glue-api-model.json")) {
            model = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String targetPrefix() {
        return model.path("metadata").path("targetPrefix").asText();
    }

    /** The ways {@code body} breaks the input shape of {@code operation}; empty if it conforms. */
    List<String> violations(String operation, JsonNode body) {
        JsonNode op = model.path("operations").path(operation);
        List<String> problems = new ArrayList<>();
        if (op.isMissingNode()) {
            problems.add("operation " + operation + " is not one the model describes");
            return problems;
        }
        check(op.path("input"), body, operation, problems);
        return problems;
    }

    private void check(JsonNode shape, JsonNode value, String path, List<String> problems) {
        String type = shape.path("type").asText("string");
        switch (type) {
            case "structure" -> {
                if (!value.isObject()) {
                    problems.add(path + " must be an object");
                    return;
                }
                for (JsonNode required : shape.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(path + "." + required.asText() + " is required");
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> member = it.next();
                    JsonNode memberShape = shape.path("members").path(member.getKey());
                    if (memberShape.isMissingNode()) {
                        problems.add(path + "." + member.getKey() + " is not a member of the API");
                    } else {
                        check(memberShape, member.getValue(), path + "." + member.getKey(), problems);
                    }
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + " must be a list");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(shape.path("member"), value.get(i), path + "[" + i + "]", problems);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + " must be a map");
                    return;
                }
                value.fields().forEachRemaining(e -> check(shape.path("value"), e.getValue(), path + "{" + e.getKey() + "}", problems));
            }
            case "boolean" -> require(value.isBoolean(), path + " must be a boolean", problems);
            case "integer", "long" -> require(value.isIntegralNumber(), path + " must be an integer", problems);
            case "timestamp" -> require(value.isNumber(), path + " must be a timestamp", problems);
            default -> require(value.isTextual(), path + " must be a string", problems);
        }
    }

    private static void require(boolean ok, String problem, List<String> problems) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
