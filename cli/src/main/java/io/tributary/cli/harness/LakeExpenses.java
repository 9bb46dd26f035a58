package io.tributary.cli.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tributary.catalog.LocalSqlEngine;
import io.tributary.catalog.QueryResult;
import io.tributary.catalog.SqlEngine;

/**
 * The expense claims in the lake, read by SQL over the Parquet files of
 * {@code finance_staging.expenses}, each with the checksum {@link Fingerprint} computes for what
 * was produced: the SQL spells every field as {@link Fingerprint} does.
 */
public final class LakeExpenses {
    static final String TABLE = "finance_staging.expenses";
    static final String ROWS_WITH_CHECKSUMS = """
            SELECT expense_id AS k, md5(concat_ws('|', coalesce(expense_id, '<null>'), coalesce(employee_id, '<null>'),
                coalesce(department, '<null>'), coalesce(CAST(amount AS VARCHAR), '<null>'), coalesce(currency, '<null>'),
                coalesce(CAST(category AS VARCHAR), '<null>'), coalesce(CAST(epoch_ms(submitted_at) AS VARCHAR), '<null>'),
                coalesce(description, '<null>'))) AS c
            FROM finance_staging.expenses""";

    private final Path lakeRoot;

    public LakeExpenses(Path lakeRoot) {
        this.lakeRoot = lakeRoot;
    }

    public long count() {
        if (!Files.isDirectory(lakeRoot)) {
            return 0;
        }
        try (SqlEngine engine = LocalSqlEngine.open(lakeRoot)) {
            if (engine.tables().stream().noneMatch(t -> t.qualifiedName().equals(TABLE))) {
                return 0;
            }
            return ((Number) engine.query("SELECT count(*) FROM " + TABLE).rows().get(0).get(0)).longValue();
        }
    }

    public List<ArrivedRecord> rows() {
        try (SqlEngine engine = LocalSqlEngine.open(lakeRoot)) {
            if (engine.tables().stream().noneMatch(t -> t.qualifiedName().equals(TABLE))) {
                return List.of();
            }
            QueryResult result = engine.query(ROWS_WITH_CHECKSUMS, Integer.MAX_VALUE);
            List<ArrivedRecord> rows = new ArrayList<>(result.rowCount());
            for (List<Object> row : result.rows()) {
                rows.add(new ArrivedRecord((String) row.get(0), (String) row.get(1)));
            }
            return rows;
        }
    }
}
