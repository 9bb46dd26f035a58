package io.tributary.catalog.trino;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.Column;
import io.tributary.catalog.JdbcValues;
import io.tributary.catalog.LakeDiscovery;
import io.tributary.catalog.LakeTableResolver;
import io.tributary.catalog.LocalSqlEngine;
import io.tributary.catalog.QueryResult;
import io.tributary.catalog.SqlEngine;
import io.tributary.catalog.SqlEngineException;
import io.tributary.catalog.SqlQueryException;
import io.tributary.catalog.TableLocation;
import io.tributary.catalog.table.TableDefinition;

/**
 * The Athena-parity engine: queries run on a local Trino 476 (Athena's engine) with the Hive
 * connector over the local S3 server. Opening it brings Trino's metastore in step with the lake
 * (tables created or re-created from their definitions, partitions registered); queries then run
 * as the read-only analyst user, so Trino itself refuses anything that would write.
 */
public final class TrinoSqlEngine implements SqlEngine {
    private static final Logger LOG = LoggerFactory.getLogger(TrinoSqlEngine.class);
    private static final Pattern QUERY_FAILED = Pattern.compile("^Query failed \\([^)]*\\):\\s*", Pattern.DOTALL);

    private final Connection analyst;
    private final List<TableLocation> tables;
    private final Map<TableLocation, String> unavailable;

    private TrinoSqlEngine(Connection analyst, List<TableLocation> tables, Map<TableLocation, String> unavailable) {
        this.analyst = analyst;
        this.tables = List.copyOf(tables);
        this.unavailable = Collections.unmodifiableMap(unavailable);
    }

    /**
     * Connects to the Trino at {@code jdbcUrl}, whose S3 endpoint serves {@code lakeRoot}'s bucket,
     * and brings its tables in step with the lake's readable folders.
     */
    public static TrinoSqlEngine open(String jdbcUrl, Path lakeRoot, LakeTableResolver resolver) {
        if (!Files.isDirectory(lakeRoot)) {
            throw new SqlEngineException("Lake folder " + lakeRoot + " does not exist: is the local platform's S3 server"
                    + " running with its data in this folder, and has anything been landed yet?");
        }
        List<TableLocation> found = LakeDiscovery.discover(lakeRoot.toAbsolutePath().normalize(), LocalSqlEngine.READABLE_STAGES);
        List<TableLocation> exposed = new ArrayList<>();
        Map<TableLocation, String> unavailable = new LinkedHashMap<>();
        try (Connection admin = TrinoConnections.open(jdbcUrl, TrinoServerConfig.ADMIN)) {
            Map<TableDefinition, TableLocation> definitions = new LinkedHashMap<>();
            for (TableLocation location : found) {
                Optional<TableDefinition> definition = resolver.resolve(location);
                if (definition.isEmpty()) {
                    unavailable.put(location, "no schema Athena can represent (neither a zone's nor the files')");
                } else {
                    definitions.put(definition.get(), location);
                }
            }
            Map<TableDefinition, SQLException> failed = new TrinoTables(admin).sync(List.copyOf(definitions.keySet()));
            definitions.forEach((definition, location) -> {
                SQLException e = failed.get(definition);
                if (e == null) {
                    exposed.add(location);
                } else {
                    unavailable.put(location, message(e));
                    LOG.warn("Table {} is not available in Trino: {}", location.qualifiedName(), message(e));
                }
            });
        } catch (SQLException e) {
            throw new SqlEngineException("Cannot reach Trino at " + jdbcUrl + ": " + message(e)
                    + " (is the platform up with `tributary up --engine trino`?)", e);
        }
        try {
            return new TrinoSqlEngine(TrinoConnections.open(jdbcUrl, TrinoServerConfig.ANALYST), exposed, unavailable);
        } catch (SQLException e) {
            throw new SqlEngineException("Cannot reach Trino at " + jdbcUrl + ": " + message(e), e);
        }
    }

    @Override
    public List<TableLocation> tables() {
        return tables;
    }

    public Map<TableLocation, String> unavailableTables() {
        return unavailable;
    }

    @Override
    public synchronized QueryResult query(String sql, int maxRows) {
        if (sql == null || sql.isBlank()) {
            throw new SqlQueryException("The query is empty", sql);
        }
        // Trino's JDBC driver takes one statement without the terminating semicolon.
        String statement = sql.strip().replaceAll(";\\s*$", "");
        try (Statement s = analyst.createStatement()) {
            s.setMaxRows(maxRows + 1);
            if (!s.execute(statement)) {
                return new QueryResult(List.of(new Column("rows", "bigint")), List.of(List.of(s.getLargeUpdateCount())), false);
            }
            try (ResultSet rows = s.getResultSet()) {
                return read(rows, maxRows);
            }
        } catch (SQLException e) {
            String text = "Query failed: " + message(e);
            if (text.contains("does not exist")) {
                text += "\nTables: " + (tables.isEmpty() ? "(none: nothing has reached the lake yet)"
                        : String.join(", ", tables.stream().map(TableLocation::qualifiedName).toList()));
            }
            throw new SqlQueryException(text, sql, e);
        }
    }

    private static QueryResult read(ResultSet rows, int maxRows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnName(i), meta.getColumnTypeName(i)));
        }
        List<List<Object>> values = new ArrayList<>();
        boolean truncated = false;
        while (rows.next()) {
            if (values.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(value(rows, meta, i));
            }
            values.add(row);
        }
        return new QueryResult(columns, values, truncated);
    }

    private static Object value(ResultSet rows, ResultSetMetaData meta, int i) throws SQLException {
        if (meta.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE) {
            return rows.getObject(i, OffsetDateTime.class);
        }
        return JdbcValues.plain(rows.getObject(i));
    }

    /** Trino's own explanation, without the query id the driver puts in front. */
    static String message(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Matcher m = QUERY_FAILED.matcher(message);
        return m.find() ? message.substring(m.end()) : message;
    }

    @Override
    public synchronized void close() {
        try {
            analyst.close();
        } catch (SQLException e) {
            LOG.warn("Closing the Trino connection failed: {}", e.getMessage());
        }
    }
}
