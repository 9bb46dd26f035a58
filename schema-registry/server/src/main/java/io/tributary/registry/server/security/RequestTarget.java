package io.tributary.registry.server.security;

import java.util.List;

/**
 * What a request does and to what, derived from its method and path: a subject, a schema id,
 * the registry-wide settings, or nothing in particular (the root, {@code /schemas/types}).
 * Writes are told apart because grants differ: a zone's producer may register a schema but not
 * delete it or change its compatibility.
 */
public record RequestTarget(Operation operation, Kind kind, String subject, Integer schemaId) {
    public enum Kind { SUBJECT, SCHEMA_ID, GLOBAL, NONE }

    /** Reading; registering a schema; deleting subjects or versions; changing config or mode. */
    public enum Operation { READ, REGISTER, DELETE, CONFIGURE }

    public boolean write() {
        return operation != Operation.READ;
    }

    /** @param segments the decoded path segments, e.g. ["subjects", "orders-value", "versions"] */
    public static RequestTarget of(String method, List<String> segments) {
        String first = segments.isEmpty() ? "" : segments.get(0);
        boolean get = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        switch (first) {
            case "subjects":
                if (segments.size() < 2 || segments.get(1).isEmpty()) {
                    return new RequestTarget(Operation.READ, Kind.NONE, null, null);
                }
                // POST /subjects/{s} is a look-up: a read. POST /subjects/{s}/versions registers.
                Operation operation = "DELETE".equals(method) ? Operation.DELETE
                        : "POST".equals(method) && segments.size() >= 3 ? Operation.REGISTER : Operation.READ;
                return new RequestTarget(operation, Kind.SUBJECT, segments.get(1), null);
            case "config":
            case "mode":
                Operation change = get ? Operation.READ : Operation.CONFIGURE;
                if (segments.size() < 2 || segments.get(1).isEmpty()) {
                    return new RequestTarget(change, get ? Kind.NONE : Kind.GLOBAL, null, null);
                }
                return new RequestTarget(change, Kind.SUBJECT, segments.get(1), null);
            case "compatibility":
                if (segments.size() >= 3 && "subjects".equals(segments.get(1))) {
                    return new RequestTarget(Operation.READ, Kind.SUBJECT, segments.get(2), null);
                }
                return new RequestTarget(Operation.READ, Kind.NONE, null, null);
            case "schemas":
                if (segments.size() >= 3 && "ids".equals(segments.get(1))) {
                    try {
                        return new RequestTarget(Operation.READ, Kind.SCHEMA_ID, null, Integer.parseInt(segments.get(2)));
                    } catch (NumberFormatException e) {
                        return new RequestTarget(Operation.READ, Kind.NONE, null, null);
                    }
                }
                return new RequestTarget(Operation.READ, Kind.NONE, null, null);
            default:
                return new RequestTarget(get ? Operation.READ : Operation.CONFIGURE, Kind.NONE, null, null);
        }
    }
}
