package io.tributary.catalog.glue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.LakeCatalog;
import io.tributary.catalog.table.CurrentViews;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableEvolution;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.CreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;

/**
 * The lake's tables in the AWS Glue Data Catalog, where Athena finds them: one database per zone
 * and stage ({@code <zone>_<stage>}), one table per dataset, created when data first lands and
 * evolved when the schema gains fields; an entity's ods table (one that names its key and version
 * columns) gets its {@code <entity>_current} view beside it, kept in step with the table. Partitions by day or hour are projected, so no partition
 * is ever registered for them; partitions by value are registered one by one.
 */
public final class GlueCatalog implements LakeCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(GlueCatalog.class);

    private final GlueClient glue;
    private final String catalogId;

    /** @param catalogId the catalog's account id, or null for the caller's */
    public GlueCatalog(GlueClient glue, String catalogId) {
        this.glue = glue;
        this.catalogId = catalogId;
    }

    /** A catalog with its own Glue client (apache5 HTTP client) built from {@code settings}. */
    public static GlueCatalog create(GlueSettings settings) {
        GlueClientBuilder builder = GlueClient.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(Apache5HttpClient.builder());
        settings.endpoint().ifPresent(builder::endpointOverride);
        if (settings.accessKeyId().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId().get(), settings.secretAccessKey().orElseThrow())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return new GlueCatalog(builder.build(), settings.catalogId().orElse(null));
    }

    @Override
    public TableChange ensureTable(TableDefinition table) {
        ensureDatabase(table.database());
        Cataloged result = ensureDataTable(table);
        String key = table.properties().get(CurrentViews.KEY_PROPERTY);
        String version = table.properties().get(CurrentViews.VERSION_PROPERTY);
        if (key != null && version != null) {
            // The view lists the table's columns, so it follows the table as it is now in Glue, evolved or not.
            ensureView(table.database(), GlueViews.currentView(result.table(), key, version));
        }
        return result.change();
    }

    /** What {@link #ensureDataTable} did, and the table as Glue now holds it. */
    private record Cataloged(TableChange change, TableDefinition table) {
    }

    private Cataloged ensureDataTable(TableDefinition table) {
        Table existing;
        try {
            existing = glue.getTable(GetTableRequest.builder().catalogId(catalogId).databaseName(table.database()).name(table.table())
                    .build()).table();
        } catch (EntityNotFoundException missing) {
            try {
                glue.createTable(CreateTableRequest.builder().catalogId(catalogId).databaseName(table.database())
                        .tableInput(GlueTables.tableInput(table, Map.of())).build());
                LOG.info("Glue table {} created at {} with {} column(s)", table.qualifiedName(), table.location(), table.columns().size());
                return new Cataloged(TableChange.CREATED, table);
            } catch (AlreadyExistsException raced) {
                // Another task created it meanwhile: evolve that one.
                existing = glue.getTable(GetTableRequest.builder().catalogId(catalogId).databaseName(table.database())
                        .name(table.table()).build()).table();
            }
        }
        TableDefinition current = GlueTables.definition(table.database(), existing);
        if (!TableEvolution.changes(current, table)) {
            return new Cataloged(TableChange.UNCHANGED, current);
        }
        TableDefinition evolved = TableEvolution.evolve(current, table);
        glue.updateTable(UpdateTableRequest.builder().catalogId(catalogId).databaseName(table.database())
                .tableInput(GlueTables.tableInput(evolved, keptParameters(existing))).build());
        LOG.info("Glue table {} evolved: {} column(s), was {}", table.qualifiedName(), evolved.columns().size(), current.columns().size());
        return new Cataloged(TableChange.EVOLVED, evolved);
    }

    /** Creates the view, or replaces it when its text (query or columns) differs from what Glue holds. */
    private void ensureView(String database, TableInput view) {
        Table existing;
        try {
            existing = glue.getTable(GetTableRequest.builder().catalogId(catalogId).databaseName(database).name(view.name()).build()).table();
        } catch (EntityNotFoundException missing) {
            try {
                glue.createTable(CreateTableRequest.builder().catalogId(catalogId).databaseName(database).tableInput(view).build());
                LOG.info("Glue view {}.{} created", database, view.name());
                return;
            } catch (AlreadyExistsException raced) {
                existing = glue.getTable(GetTableRequest.builder().catalogId(catalogId).databaseName(database).name(view.name())
                        .build()).table();
            }
        }
        if (!view.viewOriginalText().equals(existing.viewOriginalText())) {
            glue.updateTable(UpdateTableRequest.builder().catalogId(catalogId).databaseName(database).tableInput(view).build());
            LOG.info("Glue view {}.{} replaced to follow its table", database, view.name());
        }
    }

    /** Parameters set by others (Athena, Lake Formation, crawlers) survive an update; ours are written anew. */
    private static Map<String, String> keptParameters(Table existing) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (existing.hasParameters()) {
            existing.parameters().forEach((k, v) -> {
                if (!k.startsWith("projection.") && !k.equals("storage.location.template")) {
                    kept.put(k, v);
                }
            });
        }
        return kept;
    }

    private void ensureDatabase(String database) {
        try {
            glue.getDatabase(GetDatabaseRequest.builder().catalogId(catalogId).name(database).build());
        } catch (EntityNotFoundException missing) {
            try {
                glue.createDatabase(CreateDatabaseRequest.builder().catalogId(catalogId).databaseInput(DatabaseInput.builder()
                        .name(database).description("Tributary lake tables of zone and stage " + database).build()).build());
                LOG.info("Glue database {} created", database);
            } catch (AlreadyExistsException raced) {
                LOG.debug("Glue database {} was created meanwhile", database);
            }
        }
    }

    @Override
    public void ensurePartition(TableDefinition table, String partitionPath) {
        try {
            glue.createPartition(CreatePartitionRequest.builder().catalogId(catalogId).databaseName(table.database())
                    .tableName(table.table()).partitionInput(GlueTables.partitionInput(table, partitionPath)).build());
            LOG.info("Glue partition {} of {} registered", partitionPath, table.qualifiedName());
        } catch (AlreadyExistsException known) {
            LOG.debug("Glue partition {} of {} was already registered", partitionPath, table.qualifiedName());
        }
    }

    @Override
    public void close() {
        glue.close();
    }
}
