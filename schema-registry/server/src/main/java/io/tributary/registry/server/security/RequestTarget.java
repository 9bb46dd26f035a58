package io.tributary.registry.server.security;

import java.util.List;

/**
 * What a request reads or writes, derived from its method and path: a subject, a schema id,
 * the registry-wide settings, or nothing in particular (the root, {@code /schemas/types}).
 */
public record RequestTarget(boolean write, Kind kind, String subject, Integer schemaId) {
    public enum Kind { SUBJECT, SCHEMA_ID, GLOBAL, NONE }

    /** @param segments the decoded path segments, e.g. ["subjects", "orders-value", "versions"] */
    public static RequestTarget of(String method, List<String> segments) {
        String first = segments.isEmpty() ? "" : segments.get(0);
        boolean get = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        switch (first) {
            case "subjects":
                if (segments.size() < 2 || segments.get(1).isEmpty()) {
                    return new RequestTarget(false, Kind.NONE, null, null);
                }
                // POST /subjects/{s} is a look-up: a read. POST /subjects/{s}/versions registers.
                boolean register = "POST".equals(method) && segments.size() >= 3;
                return new RequestTarget(register || "DELETE".equals(method), Kind.SUBJECT, segments.get(1), null);
            case "config":
            case "mode":
                if (segments.size() < 2 || segments.get(1).isEmpty()) {
                    return new RequestTarget(!get, get ? Kind.NONE : Kind.GLOBAL, null, null);
                }
                return new RequestTarget(!get, Kind.SUBJECT, segments.get(1), null);
            case "compatibility":
                if (segments.size() >= 3 && "subjects".equals(segments.get(1))) {
                    return new RequestTarget(false, Kind.SUBJECT, segments.get(2), null);
                }
                return new RequestTarget(false, Kind.NONE, null, null);
            case "schemas":
                if (segments.size() >= 3 && "ids".equals(segments.get(1))) {
                    try {
                        return new RequestTarget(false, Kind.SCHEMA_ID, null, Integer.parseInt(segments.get(2)));
                    } catch (NumberFormatException e) {
                        return new RequestTarget(false, Kind.NONE, null, null);
                    }
                }
                return new RequestTarget(false, Kind.NONE, null, null);
            default:
                return new RequestTarget(!get, Kind.NONE, null, null);
        }
    }
}
