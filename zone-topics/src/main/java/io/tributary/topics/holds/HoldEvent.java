package io.tributary.topics.holds;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.model.Names;

/**
 * A steward putting a dataset on hold, or releasing it: who, when and why. Kept as JSON, the latest
 * per dataset in the zone's {@code _tributary.<zone>.holds} (compacted, key {@code <zone>.<dataset>}) and every one in
 * {@code _tributary.<zone>.holds.audit}.
 */
public record HoldEvent(String zone, String dataset, Action action, String reason, String by, Instant at) {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public enum Action {
        HOLD, RELEASE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HoldEvent {
        if (!Names.isValid(zone) || !Names.isValid(dataset)) {
            throw new IllegalArgumentException("'" + zone + "." + dataset + "' is not <zone>.<dataset> with names matching " + Names.RULE);
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
        by = by == null ? "" : by;
    }

    /** The record key: {@code <zone>.<dataset>}. */
    public String key() {
        return zone + "." + dataset;
    }

    public boolean isHold() {
        return action == Action.HOLD;
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("zone", zone);
        node.put("dataset", dataset);
        node.put("action", action.id());
        node.put("reason", reason);
        node.put("by", by);
        node.put("at", at.toString());
        return node.toString();
    }

    /** Reads {@link #toJson()}; {@link IllegalArgumentException} naming what is wrong. */
    public static HoldEvent fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a hold event is a JSON object, not: " + json);
            }
            String action = text(node, "action");
            Action parsed;
            try {
                parsed = Action.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field action: '" + action + "' is not hold or release");
            }
            return new HoldEvent(text(node, "zone"), text(node, "dataset"), parsed, node.path("reason").asText(""),
                    node.path("by").asText(""), Instant.parse(text(node, "at")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON" + (e.getLocation() == null ? "" : " at offset " + e.getLocation().getCharOffset())
                    + ": " + e.getOriginalMessage());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("field at: not an ISO-8601 instant: " + e.getParsedString());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is missing or not text");
        }
        return value.asText();
    }
}
