package io.tributary.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.tributary.catalog.LocalSqlEngine;
import io.tributary.catalog.QueryResult;
import io.tributary.catalog.SqlEngine;
import io.tributary.catalog.TablePrinter;

/**
 * Queries over the local lake folder. Each query opens the engine afresh, because new tables
 * and partitions appear as the sink writes.
 */
final class LakeQuery {
    private final Path lakeRoot;

    LakeQuery(Path lakeRoot) {
        this.lakeRoot = lakeRoot;
    }

    QueryResult query(String sql) {
        try (SqlEngine engine = LocalSqlEngine.open(lakeRoot)) {
            return engine.query(sql);
        }
    }

    String render(String sql) {
        return new TablePrinter().render(query(sql));
    }

    /** Rows in {@code table}, or 0 while the table has no file yet. */
    long countOrZero(String table) {
        if (!Files.isDirectory(lakeRoot)) {
            return 0;
        }
        try (LocalSqlEngine engine = LocalSqlEngine.open(lakeRoot)) {
            boolean exists = engine.tables().stream().anyMatch(t -> t.qualifiedName().equals(table));
            if (!exists) {
                return 0;
            }
            return ((Number) engine.query("SELECT count(*) AS n FROM " + table).rows().get(0).get(0)).longValue();
        }
    }
}
