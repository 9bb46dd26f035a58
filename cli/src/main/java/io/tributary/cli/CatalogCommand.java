package io.tributary.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import io.tributary.catalog.ddl.AthenaDdl;
import io.tributary.catalog.ddl.TrinoDdl;
import io.tributary.catalog.table.CurrentViews;
import io.tributary.catalog.table.LakeLayout;
import io.tributary.catalog.table.PartitionProjection;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.catalog.table.UnsupportedSchemaException;
import io.tributary.catalog.table.ZoneTables;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "The lake's tables as catalogs see them.",
        subcommands = {CatalogCommand.Ddl.class})
final class CatalogCommand {

    @Command(name = "ddl", mixinStandardHelpOptions = true,
            description = {"Prints the DDL of a zone's tables, derived from its registered schemas: Athena's (CREATE EXTERNAL TABLE"
                    + " ... STORED AS PARQUET ... TBLPROPERTIES with partition projection) and Trino's (CREATE TABLE ... WITH"
                    + " (external_location, format, partitioned_by)), and each entity's <entity>_current view."})
    static final class Ddl implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<zone>", description = "A zone of the descriptors folder (--zones)")
        String zone;

        @Option(names = "--stage", paramLabel = "<stage>", split = ",",
                description = "Stages to print: staging, rejected, ods, analytical (default: all four, the stages a descriptor determines)")
        List<String> stages;

        @Option(names = "--dialect", defaultValue = "both", paramLabel = "athena|trino|both", description = "Default: ${DEFAULT-VALUE}")
        String dialect;

        @Option(names = "--bucket", description = "Lake bucket of the table locations (default: the local platform's, lake)")
        String bucket;

        @Option(names = "--projection-start", paramLabel = "yyyy-MM-dd",
                description = "First day of the dt partition projection (default: 2020-01-01)")
        String projectionStart;

        @Mixin
        PlatformOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PlatformConfig config = options.config();
            ZoneDescriptor descriptor = DescriptorLoader.loadDirectory(config.zonesDir()).stream()
                    .filter(z -> z.zone().equals(zone)).findFirst()
                    .orElseThrow(() -> new UserFacingException("no zone '" + zone + "' in " + config.zonesDir() + " (zones there: "
                            + DescriptorLoader.loadDirectory(config.zonesDir()).stream().map(ZoneDescriptor::zone).toList() + ")"));
            TableModels models = new TableModels(new LakeLayout(bucket == null ? config.lakeBucket() : bucket), projection());
            List<TableDefinition> tables;
            try {
                tables = ZoneTables.of(descriptor, stages(), models);
            } catch (UnsupportedSchemaException e) {
                throw new UserFacingException("cannot make a table of " + e.getMessage(), e);
            }
            boolean athena = !dialect.equalsIgnoreCase("trino");
            boolean trino = !dialect.equalsIgnoreCase("athena");
            if (!dialect.toLowerCase(Locale.ROOT).matches("athena|trino|both")) {
                throw new UserFacingException("--dialect '" + dialect + "' is not one of athena, trino, both");
            }
            PrintWriter out = spec.commandLine().getOut();
            for (TableDefinition table : tables) {
                if (athena) {
                    out.println("-- " + table.qualifiedName() + " for Athena (Glue Data Catalog)");
                    out.println(AthenaDdl.createDatabase(table.database()) + ";");
                    out.println(AthenaDdl.createTable(table) + ";");
                    out.println();
                }
                if (trino) {
                    out.println("-- " + table.qualifiedName() + " for Trino (Hive connector; register partitions with the CALL)");
                    out.println(TrinoDdl.createSchema(table.database()) + ";");
                    out.println(TrinoDdl.createTable(table, false) + ";");
                    out.println(TrinoDdl.syncPartitions(table) + ";");
                    out.println();
                }
                CurrentViews.forTable(table).ifPresent(view -> {
                    out.println("-- " + table.database() + "." + CurrentViews.viewName(table)
                            + ": the latest row per key of the change log (one statement for Athena, Trino and DuckDB)");
                    out.println(view + ";");
                    out.println();
                });
            }
            out.flush();
            return 0;
        }

        private Set<Stage> stages() {
            if (stages == null || stages.isEmpty()) {
                return ZoneTables.DECLARED_STAGES;
            }
            Set<Stage> chosen = EnumSet.noneOf(Stage.class);
            for (String id : stages) {
                Stage stage = Stage.fromId(id.trim().toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new UserFacingException("--stage '" + id + "' is not a stage: staging, rejected, ods, analytical"));
                if (stage == Stage.LANDING) {
                    throw new UserFacingException("--stage landing: landing holds unapproved raw data and is never catalogued");
                }
                if (!ZoneTables.DECLARED_STAGES.contains(stage)) {
                    throw new UserFacingException("--stage " + stage.id() + ": not a stage a zone descriptor declares tables for");
                }
                chosen.add(stage);
            }
            return chosen;
        }

        private PartitionProjection projection() {
            if (projectionStart == null) {
                return PartitionProjection.DEFAULT;
            }
            try {
                return new PartitionProjection(LocalDate.parse(projectionStart));
            } catch (DateTimeParseException e) {
                throw new UserFacingException("--projection-start '" + projectionStart + "' is not a date (yyyy-MM-dd)");
            }
        }
    }
}
