package io.tributary.catalog;

import java.util.List;

/**
 * Runs analysts' SQL over the lake's tables ({@code <zone>_<stage>.<dataset>}). The local
 * implementation is {@link LocalSqlEngine} (DuckDB); Athena or Trino come in behind the same seam.
 */
public interface SqlEngine extends AutoCloseable {

    /** Default number of rows fetched before a result is marked truncated. */
    int DEFAULT_MAX_ROWS = 10_000;

    /** The tables the engine exposes. */
    List<TableLocation> tables();

    /**
     * Runs one read-only statement and fetches at most {@code maxRows} rows.
     *
     * @throws SqlQueryException if the query is wrong or not allowed; its message says why
     */
    QueryResult query(String sql, int maxRows);

    default QueryResult query(String sql) {
        return query(sql, DEFAULT_MAX_ROWS);
    }

    @Override
    void close();
}
