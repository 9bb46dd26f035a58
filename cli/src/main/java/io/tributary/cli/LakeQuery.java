package io.tributary.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.LakeTableResolver;
import io.tributary.catalog.LocalSqlEngine;
import io.tributary.catalog.QueryResult;
import io.tributary.catalog.SqlEngine;
import io.tributary.catalog.TableDefinitions;
import io.tributary.catalog.TablePrinter;
import io.tributary.catalog.table.LakeLayout;
import io.tributary.catalog.table.PartitionProjection;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.catalog.table.ZoneTables;
import io.tributary.catalog.trino.TrinoSqlEngine;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.model.DescriptorException;
import io.tributary.model.DescriptorLoader;

/**
 * Queries over the local lake on the engine of choice: DuckDB over the lake folder, or the
 * platform's Trino over the S3 server. Tables have the columns the zones' registered schemas give
 * them (as in Glue); tables no zone declares show their files' columns. Each {@link #open} sees
 * the tables and partitions the sink has written so far.
 */
final class LakeQuery {
    private static final Logger LOG = LoggerFactory.getLogger(LakeQuery.class);

    private final Path lakeRoot;
    private final PlatformConfig.QueryEngine engine;
    private final String trinoJdbcUrl;
    private final TableModels models;
    private final TableDefinitions declared;

    /** DuckDB over {@code lakeRoot}, each table defined by the schema of its newest file (as the sink wrote it). */
    LakeQuery(Path lakeRoot) {
        this(lakeRoot, PlatformConfig.QueryEngine.DUCKDB, null, TableModels.local(), TableDefinitions.NONE);
    }

    private LakeQuery(Path lakeRoot, PlatformConfig.QueryEngine engine, String trinoJdbcUrl, TableModels models,
            TableDefinitions declared) {
        this.lakeRoot = lakeRoot;
        this.engine = engine;
        this.trinoJdbcUrl = trinoJdbcUrl;
        this.models = models;
        this.declared = declared;
    }

    /** The platform's lake on {@code engine}, with the tables its zones declare. */
    static LakeQuery of(PlatformConfig config, PlatformConfig.QueryEngine engine) {
        TableModels models = new TableModels(new LakeLayout(config.lakeBucket()), PartitionProjection.DEFAULT);
        List<TableDefinition> tables = new ArrayList<>();
        if (Files.isDirectory(config.zonesDir())) {
            try {
                tables.addAll(ZoneTables.declared(DescriptorLoader.loadDirectory(config.zonesDir()), models,
                        e -> LOG.warn("Not a table: {}", e.getMessage())));
            } catch (DescriptorException e) {
                // The lake is still queryable: tables then take their files' schemas.
                LOG.warn("Zone descriptors in {} not used for table definitions: {}", config.zonesDir(), e.getMessage());
            }
        }
        return new LakeQuery(config.lakeFolder(), engine, config.trinoJdbcUrl(), models, TableDefinitions.of(tables));
    }

    PlatformConfig.QueryEngine engine() {
        return engine;
    }

    /** Opens the engine over the lake as it is now. */
    SqlEngine open() {
        return switch (engine) {
            case DUCKDB -> LocalSqlEngine.open(lakeRoot, new LakeTableResolver(declared, models)::resolve);
            case TRINO -> TrinoSqlEngine.open(trinoJdbcUrl, lakeRoot, new LakeTableResolver(declared, models));
        };
    }

    QueryResult query(String sql) {
        try (SqlEngine sqlEngine = open()) {
            return sqlEngine.query(sql);
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
        try (SqlEngine sqlEngine = open()) {
            boolean exists = sqlEngine.tables().stream().anyMatch(t -> t.qualifiedName().equals(table));
            if (!exists) {
                return 0;
            }
            return ((Number) sqlEngine.query("SELECT count(*) AS n FROM " + table).rows().get(0).get(0)).longValue();
        }
    }
}
