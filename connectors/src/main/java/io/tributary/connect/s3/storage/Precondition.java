package io.tributary.connect.s3.storage;

/**
 * A condition on a write (S3 conditional writes): the object must not exist yet, or must still
 * have the entity tag the writer read. Lets two writers of the same state object notice each
 * other instead of silently overwriting.
 */
public sealed interface Precondition {
    Precondition NONE = new None();
    Precondition ABSENT = new Absent();

    static Precondition matching(String etag) {
        return new Matching(etag);
    }

    /** Write whatever is there. */
    record None() implements Precondition {
    }

    /** Write only if the object does not exist ({@code If-None-Match: *}). */
    record Absent() implements Precondition {
    }

    /** Write only if the object still has this entity tag ({@code If-Match}). */
    record Matching(String etag) implements Precondition {
    }
}
