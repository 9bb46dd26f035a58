package io.tributary.security.cloud;

import java.util.List;
import java.util.Map;

/**
 * One IAM statement: what (actions) on what (resources), allowed or denied, optionally only
 * under a condition ({@code operator → key → values}, e.g. {@code StringLike → s3:prefix → [...]}).
 */
public record PolicyStatement(String sid, Effect effect, List<String> actions, List<String> resources,
        Map<String, Map<String, List<String>>> condition) {

    public enum Effect { Allow, Deny }

    public PolicyStatement {
        if (!sid.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("statement id '" + sid + "' must be alphanumeric");
        }
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " needs actions and resources");
        }
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        condition = Map.copyOf(condition);
    }

    public static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
        return new PolicyStatement(sid, Effect.Allow, actions, resources, Map.of());
    }

    public PolicyStatement when(String operator, String key, List<String> values) {
        return new PolicyStatement(sid, effect, actions, resources, Map.of(operator, Map.of(key, List.copyOf(values))));
    }
}
