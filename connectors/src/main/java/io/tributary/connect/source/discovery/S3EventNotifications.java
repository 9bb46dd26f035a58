package io.tributary.connect.source.discovery;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.connect.source.store.IngressObject;

/**
 * Reads S3 event notifications (the JSON S3 sends to SNS, SQS, EventBridge or a webhook):
 * {@code Records[].eventName} {@code ObjectCreated:*}, {@code s3.bucket.name},
 * {@code s3.object.key} (URL-encoded), {@code .eTag}, {@code .size}, {@code eventTime}. An SNS
 * envelope ({@code {"Type":"Notification","Message":"<the event as text>"}}) is unwrapped; test
 * events and other event names are ignored.
 */
public final class S3EventNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private S3EventNotifications() {
    }

    /**
     * The objects created in {@code bucket} that a notification announces.
     *
     * @throws IllegalArgumentException if the value is not JSON
     */
    public static List<IngressObject> createdObjects(byte[] value, String bucket) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            return List.of();
        }
        if (root.path("Message").isTextual() && !root.has("Records")) {
            try {
                root = JSON.readTree(root.path("Message").asText());
            } catch (IOException e) {
                throw new IllegalArgumentException("an SNS envelope whose Message is not JSON: " + e.getMessage(), e);
            }
        }
        List<IngressObject> created = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            String event = record.path("eventName").asText("");
            JsonNode s3 = record.path("s3");
            if (!event.startsWith("ObjectCreated:") || !bucket.equals(s3.path("bucket").path("name").asText())) {
                continue;
            }
            JsonNode object = s3.path("object");
            String key = URLDecoder.decode(object.path("key").asText(""), StandardCharsets.UTF_8);
            if (key.isEmpty()) {
                continue;
            }
            Instant time = parseTime(record.path("eventTime").asText(""));
            created.add(new IngressObject(key, object.path("eTag").asText(""), object.path("size").asLong(-1), time));
        }
        return created;
    }

    private static Instant parseTime(String text) {
        try {
            return text.isEmpty() ? Instant.now() : Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
