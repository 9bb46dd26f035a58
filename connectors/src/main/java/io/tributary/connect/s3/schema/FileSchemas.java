package io.tributary.connect.s3.schema;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * The schemas of one open file: the file's own (its Parquet columns) and every writer schema
 * its buffered records were written with, each read into the file's schema when the file is
 * written.
 */
public final class FileSchemas {
    private final Schema target;
    private final long targetVersion;
    private final List<Schema> writers = new ArrayList<>();
    private final Map<Schema, Integer> byIdentity = new IdentityHashMap<>();

    public FileSchemas(Schema target, long targetVersion) {
        this.target = target;
        this.targetVersion = targetVersion;
        add(target);
    }

    public Schema target() {
        return target;
    }

    public long targetVersion() {
        return targetVersion;
    }

    /** The index of {@code schema} among the writer schemas, or -1. */
    public int indexOf(Schema schema) {
        Integer index = byIdentity.get(schema);
        if (index != null) {
            return index;
        }
        for (int i = 0; i < writers.size(); i++) {
            if (writers.get(i).equals(schema)) {
                byIdentity.put(schema, i);
                return i;
            }
        }
        return -1;
    }

    /** Adds a writer schema and returns its index. */
    public int add(Schema schema) {
        writers.add(schema);
        byIdentity.put(schema, writers.size() - 1);
        return writers.size() - 1;
    }

    public List<Schema> writers() {
        return List.copyOf(writers);
    }
}
