package io.tributary.security.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates IAM identity policies as AWS does for one request, for tests: an explicit Deny wins,
 * else any Allow whose action and resource patterns match (and whose StringLike / StringEquals
 * conditions hold for the request's context) allows, else the request is implicitly denied.
 * Wildcards: '*' any run of characters, '?' one character.
 */
final class IamSimulator {
    private IamSimulator() {
    }

    /** A request: action, resource ARN and, for s3:ListBucket, the listed prefix (else null). */
    record Request(String action, String resource, String prefix) {
    }

    static boolean allows(List<JsonNode> policies, Request request) {
        boolean allowed = false;
        for (JsonNode policy : policies) {
            for (JsonNode statement : policy.get("Statement")) {
                if (!matches(statement, request)) {
                    continue;
                }
                if ("Deny".equals(statement.get("Effect").asText())) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    private static boolean matches(JsonNode statement, Request request) {
        if (values(statement.get("Action")).stream().noneMatch(a -> wildcard(a, request.action(), true))) {
            return false;
        }
        if (values(statement.get("Resource")).stream().noneMatch(r -> wildcard(r, request.resource(), false))) {
            return false;
        }
        JsonNode condition = statement.get("Condition");
        if (condition == null) {
            return true;
        }
        for (var operators = condition.fields(); operators.hasNext();) {
            var operator = operators.next();
            for (var keys = operator.getValue().fields(); keys.hasNext();) {
                var key = keys.next();
                String value = "s3:prefix".equals(key.getKey()) ? request.prefix() : null;
                if (value == null) {
                    return false;
                }
                boolean like = "StringLike".equals(operator.getKey());
                if (!"StringLike".equals(operator.getKey()) && !"StringEquals".equals(operator.getKey())) {
                    throw new IllegalArgumentException("condition operator not simulated: " + operator.getKey());
                }
                if (values(key.getValue()).stream().noneMatch(v -> like ? wildcard(v, value, false) : v.equals(value))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private static boolean wildcard(String pattern, String text, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(text).matches();
    }
}
