package io.tributary.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.Stage;

/**
 * The local SQL engine: an in-memory DuckDB with one view per lake table,
 * {@code <zone>_<stage>.<dataset>} over {@code read_parquet('<folder>/**}{@code /*.parquet')} with the
 * {@code dt=} folders as a partition column. Where a table definition is known, the view has its
 * columns and types, as Athena shows them ({@link DuckDbViews}); the session speaks Athena's
 * dialect where settings and macros can make it ({@link AthenaFunctions}). Landing is never
 * exposed: analysts may not read raw data. The engine is sandboxed: it can read only the exposed
 * tables' folders, its settings are locked, and only read-only statements run.
 */
public final class LocalSqlEngine implements SqlEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSqlEngine.class);

    /** Stages analysts may read; landing holds unapproved, possibly sensitive data. */
    public static final Set<Stage> READABLE_STAGES = EnumSet.of(Stage.STAGING, Stage.REJECTED, Stage.ODS, Stage.ANALYTICAL);

    private final Connection connection;
    private final List<TableLocation> tables;
    private final Map<TableLocation, String> unavailable;

    private LocalSqlEngine(Connection connection, List<TableLocation> tables, Map<TableLocation, String> unavailable) {
        this.connection = connection;
        this.tables = List.copyOf(tables);
        this.unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /**
     * Opens an engine over the lake folder {@code lakeRoot} (the local S3 server's bucket folder,
     * {@code <s3-basedir>/<bucket>}).
     */
    public static LocalSqlEngine open(Path lakeRoot) {
        return open(lakeRoot, TableDefinitions.NONE);
    }

    /**
     * Opens an engine over the lake folder whose views follow {@code definitions} where they have
     * the table (columns, order and types as in Athena), and the files' own columns elsewhere.
     */
    public static LocalSqlEngine open(Path lakeRoot, TableDefinitions definitions) {
        if (!Files.isDirectory(lakeRoot)) {
            throw new SqlEngineException("Lake folder " + lakeRoot + " does not exist: is the local platform's S3 server"
                    + " running with its data in this folder, and has anything been landed yet?");
        }
        // Filtered again so that landing stays hidden whatever discovery is asked or returns.
        List<TableLocation> tables = LakeDiscovery.discover(lakeRoot.toAbsolutePath().normalize(), READABLE_STAGES)
                .stream().filter(t -> READABLE_STAGES.contains(t.stage())).toList();
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new SqlEngineException("Cannot start the embedded DuckDB engine: " + e.getMessage(), e);
        }
        List<TableLocation> exposed = new ArrayList<>();
        Map<TableLocation, String> unavailable = new LinkedHashMap<>();
        try {
            athenaSession(connection);
            sandbox(connection, tables);
            for (TableLocation table : tables) {
                // One unreadable file (half-written, corrupt) must not hide every other table.
                try {
                    createView(connection, table, definitions);
                    exposed.add(table);
                } catch (SQLException e) {
                    String reason = firstLine(e.getMessage());
                    unavailable.put(table, reason);
                    LOG.warn("Table {} is not available: {}", table.qualifiedName(), reason);
                }
            }
            // Only after the views exist: from here on nothing may change a setting.
            execute(connection, "SET lock_configuration = true");
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new SqlEngineException("Cannot prepare the lake's tables in DuckDB: " + e.getMessage(), e);
        }
        LOG.info("Local SQL engine over {} with {} table(s): {}", lakeRoot, exposed.size(),
                exposed.stream().map(TableLocation::qualifiedName).toList());
        return new LocalSqlEngine(connection, exposed, unavailable);
    }

    /** Reading is allowed in the exposed tables' folders only; no other file, no network, no extension. */
    private static void sandbox(Connection connection, List<TableLocation> tables) throws SQLException {
        String allowed = tables.stream().map(t -> literal(t.folder() + "/")).collect(Collectors.joining(", "));
        execute(connection, "SET allowed_directories = [" + allowed + "]");
        execute(connection, "SET enable_external_access = false");
        execute(connection, "SET autoinstall_known_extensions = false");
    }

    /**
     * Makes DuckDB answer as Athena does where the dialects differ in settings: the session time
     * zone is UTC, integer division truncates, and Athena's common functions exist.
     */
    private static void athenaSession(Connection connection) throws SQLException {
        execute(connection, "SET TimeZone = 'UTC'");
        execute(connection, "SET integer_division = true");
        for (String macro : AthenaFunctions.MACROS) {
            execute(connection, macro);
        }
    }

    private static void createView(Connection connection, TableLocation table, TableDefinitions definitions) throws SQLException {
        execute(connection, "CREATE SCHEMA IF NOT EXISTS " + identifier(table.database()));
        var definition = definitions.find(table);
        if (definition.isPresent()) {
            execute(connection, DuckDbViews.createView(table, definition.get(), DuckDbViews.fileColumns(connection, table)));
            // An entity's ods table is a change log; <entity>_current shows the latest row per key.
            var current = io.tributary.catalog.table.CurrentViews.forTable(definition.get());
            if (current.isPresent()) {
                execute(connection, current.get());
            }
        } else {
            execute(connection, DuckDbViews.createView(table));
        }
    }

    @Override
    public List<TableLocation> tables() {
        return tables;
    }

    /** Tables found in the lake that could not be exposed, with the reason (e.g. a file that is not Parquet). */
    public Map<TableLocation, String> unavailableTables() {
        return unavailable;
    }

    @Override
    public synchronized QueryResult query(String sql, int maxRows) {
        if (sql == null || sql.isBlank()) {
            throw new SqlQueryException("The query is empty", sql);
        }
        try {
            ReadOnlyGuard.Verdict verdict = ReadOnlyGuard.check(connection, sql);
            switch (verdict.outcome()) {
                case READ_ONLY -> { }
                case UNPARSABLE -> prepareToExplain(sql, verdict.message());
                default -> throw new SqlQueryException("Query refused: " + verdict.message(), sql);
            }
            return run(sql, maxRows);
        } catch (SQLException e) {
            throw new SqlQueryException(explain(e), sql, e);
        }
    }

    /** DuckDB's parser error with line and caret is the clearest; preparing runs nothing. */
    private void prepareToExplain(String sql, String parserMessage) throws SQLException {
        try (PreparedStatement ignored = connection.prepareStatement(sql)) {
            throw new SqlQueryException("Query failed: Parser Error: " + parserMessage, sql);
        }
    }

    private QueryResult run(String sql, int maxRows) throws SQLException {
        // DuckDB closes a statement after an error, so every query gets its own.
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
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
                    row.add(JdbcValues.plain(rows.getObject(i)));
                }
                values.add(row);
            }
            return new QueryResult(columns, values, truncated);
        }
    }

    /** DuckDB's message (kind, explanation, line and position), plus the tables there are when a name is unknown. */
    private String explain(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        StringBuilder text = new StringBuilder("Query failed: ").append(message);
        if (message.startsWith("Catalog Error")) {
            Set<String> names = new LinkedHashSet<>();
            tables.forEach(t -> names.add(t.qualifiedName()));
            text.append("\nTables: ").append(names.isEmpty() ? "(none: nothing has reached the lake yet)" : String.join(", ", names));
        }
        if (message.startsWith("Permission Error")) {
            text.append("\nOnly the tables listed by the engine can be read (never landing data, nor other files).");
        }
        return text.toString();
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().lines().findFirst().orElse(message);
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the DuckDB connection failed: {}", e.getMessage());
        }
    }
}
