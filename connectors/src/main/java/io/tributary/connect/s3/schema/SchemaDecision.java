package io.tributary.connect.s3.schema;

/** What to do with a record whose schema meets an open file. */
public sealed interface SchemaDecision {

    /** The file already holds records of this schema (at {@code index} of its writer schemas); append. */
    record Append(int index) implements SchemaDecision {
    }

    /** The file's schema can read the record: append it, projected into the file's schema. */
    record Project() implements SchemaDecision {
    }

    /** Commit the open file and start a new one with the record's schema. */
    record Rotate(String reason) implements SchemaDecision {
    }

    /** The record cannot go into this folder's files: dead-letter queue with the reason. */
    record Reject(String reason) implements SchemaDecision {
    }
}
