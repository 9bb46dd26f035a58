package io.tributary.registry.server.schema;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks a candidate schema against earlier versions with Avro's own reader/writer
 * compatibility rules, at a Confluent compatibility level.
 */
public final class CompatibilityChecker {

    /** An earlier version of the subject. */
    public record Previous(int version, Schema schema) {
    }

    /**
     * @param previous the live versions of the subject, oldest first
     * @return why the candidate is incompatible, one message per problem; empty when it is compatible
     */
    public List<String> check(CompatibilityLevel level, Schema candidate, List<Previous> previous) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return problems;
        }
        List<Previous> against = level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        for (int i = against.size() - 1; i >= 0; i--) {
            Previous old = against.get(i);
            if (level.backward()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
                        "the new schema cannot read data written with version " + old.version(), old, level));
            }
            if (level.forward()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
                        "version " + old.version() + " cannot read data written with the new schema", old, level));
            }
        }
        return problems;
    }

    private static List<String> describe(SchemaPairCompatibility result, String direction, Previous old,
            CompatibilityLevel level) {
        List<String> messages = new ArrayList<>();
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return messages;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": '"
                    + incompatibility.getMessage() + "' at " + incompatibility.getLocation() + "', oldSchemaVersion: "
                    + old.version() + ", compatibility: '" + level + "'}");
        }
        if (messages.isEmpty()) {
            messages.add("{description:'" + direction + "', oldSchemaVersion: " + old.version() + ", compatibility: '"
                    + level + "'}");
        }
        return messages;
    }
}
