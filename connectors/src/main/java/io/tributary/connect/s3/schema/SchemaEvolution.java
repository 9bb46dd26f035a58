package io.tributary.connect.s3.schema;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Applies {@link CompatibilityMode} when a record's schema differs from its open file's. Avro's
 * own reader/writer compatibility rules decide what can be read; results are cached per pair of
 * schemas, so the check costs nothing after the first record of a new schema.
 */
public final class SchemaEvolution {
    private static final SchemaDecision APPEND_TARGET = new SchemaDecision.Append(0);
    private final CompatibilityMode mode;
    private final Map<Schema, Map<Schema, SchemaCompatibilityResult>> cache = new IdentityHashMap<>();

    public SchemaEvolution(CompatibilityMode mode) {
        this.mode = mode;
    }

    public CompatibilityMode mode() {
        return mode;
    }

    public SchemaDecision decide(FileSchemas file, Schema record, long recordVersion) {
        if (record == file.target()) {
            return APPEND_TARGET;
        }
        int index = file.indexOf(record);
        if (index >= 0) {
            return new SchemaDecision.Append(index);
        }
        Schema target = file.target();
        String change = "schema " + describe(record, recordVersion) + " differs from the file's " + describe(target, file.targetVersion());
        boolean newer = recordVersion > file.targetVersion();
        return switch (mode) {
            case NONE -> new SchemaDecision.Rotate(change + " (schema.compatibility NONE)");
            case BACKWARD -> {
                if (newer || recordVersion == file.targetVersion()) {
                    SchemaCompatibilityResult readsFile = check(record, target);
                    if (compatible(readsFile)) {
                        yield new SchemaDecision.Rotate(change + "; the newer schema can read the file's records (BACKWARD)");
                    }
                    if (!newer && compatible(check(target, record))) {
                        yield new SchemaDecision.Project();
                    }
                    yield reject(change, "it cannot read the file's records", readsFile);
                }
                SchemaCompatibilityResult fileReads = check(target, record);
                yield compatible(fileReads) ? new SchemaDecision.Project()
                        : reject(change, "the file's newer schema cannot read it", fileReads);
            }
            case FORWARD -> {
                SchemaCompatibilityResult fileReads = check(target, record);
                yield compatible(fileReads) ? new SchemaDecision.Project()
                        : reject(change, "the file's schema cannot read it", fileReads);
            }
            case FULL -> {
                SchemaCompatibilityResult recordReads = check(record, target);
                SchemaCompatibilityResult fileReads = check(target, record);
                if (!compatible(recordReads)) {
                    yield reject(change, "it cannot read the file's records", recordReads);
                }
                if (!compatible(fileReads)) {
                    yield reject(change, "the file's schema cannot read it", fileReads);
                }
                yield newer ? new SchemaDecision.Rotate(change + "; both schemas read each other (FULL)") : new SchemaDecision.Project();
            }
        };
    }

    private SchemaCompatibilityResult check(Schema reader, Schema writer) {
        return cache.computeIfAbsent(reader, r -> new IdentityHashMap<>())
                .computeIfAbsent(writer, w -> SchemaCompatibility.checkReaderWriterCompatibility(reader, w).getResult());
    }

    private static boolean compatible(SchemaCompatibilityResult result) {
        return result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE;
    }

    private SchemaDecision reject(String change, String why, SchemaCompatibilityResult result) {
        String details = result.getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + (i.getMessage() == null ? "" : ": " + i.getMessage()))
                .collect(Collectors.joining("; "));
        return new SchemaDecision.Reject(change + " and " + why + " under schema.compatibility " + mode + " (" + details + ")");
    }

    private static String describe(Schema schema, long version) {
        return schema.getFullName() + " v" + version;
    }
}
