package io.tributary.model;

/**
 * How an entity's versions are ordered: by an event-time field (a timestamp) or by a version field
 * (a number) of the entity schema. A record replaces the current one for its key only if its
 * version is greater.
 */
public record VersionSpec(Kind kind, String field) {
    public enum Kind {
        EVENT_TIME, FIELD
    }
}
