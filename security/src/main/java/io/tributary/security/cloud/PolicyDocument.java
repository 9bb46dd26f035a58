package io.tributary.security.cloud;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An IAM policy document (grammar version 2012-10-17). */
public record PolicyDocument(List<PolicyStatement> statements) {
    public static final String VERSION = "2012-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode document = json.createObjectNode();
        document.put("Version", VERSION);
        ArrayNode array = document.putArray("Statement");
        for (PolicyStatement statement : statements) {
            ObjectNode node = array.addObject();
            node.put("Sid", statement.sid());
            node.put("Effect", statement.effect().name());
            statement.actions().forEach(node.putArray("Action")::add);
            statement.resources().forEach(node.putArray("Resource")::add);
            if (!statement.condition().isEmpty()) {
                ObjectNode condition = node.putObject("Condition");
                statement.condition().forEach((operator, keys) -> {
                    ObjectNode byKey = condition.putObject(operator);
                    keys.forEach((key, values) -> values.forEach(byKey.putArray(key)::add));
                });
            }
        }
        return document;
    }
}
