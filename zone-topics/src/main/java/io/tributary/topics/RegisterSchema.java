package io.tributary.topics;

import java.util.OptionalInt;

import org.apache.avro.Schema;

/**
 * A schema to register under a subject: a new subject, or a new version because the latest one
 * differs from the descriptor's schema.
 */
public record RegisterSchema(String subject, Schema schema, OptionalInt latestVersion) implements PlanAction {

    @Override
    public Kind kind() {
        return Kind.REGISTER;
    }

    @Override
    public String doneVerb() {
        return "registered schema";
    }

    @Override
    public String target() {
        return subject;
    }

    @Override
    public String render() {
        String what = latestVersion.isPresent()
                ? "new version after version " + latestVersion.getAsInt() + ", whose schema differs"
                : "new subject";
        return "+ register schema " + subject + " " + schema.getFullName() + " (" + what + ")";
    }
}
