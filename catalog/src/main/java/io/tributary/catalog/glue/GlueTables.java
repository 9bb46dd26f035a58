package io.tributary.catalog.glue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.catalog.table.HiveTypes;
import io.tributary.catalog.table.PartitionScheme;
import io.tributary.catalog.table.TableColumn;
import io.tributary.catalog.table.TableDefinition;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * A lake table as Glue's {@code TableInput}: an {@code EXTERNAL_TABLE} stored as Parquet (Hive's
 * Parquet input/output formats and SerDe, as Athena's own {@code CREATE EXTERNAL TABLE … STORED AS
 * PARQUET} makes it), data columns in the storage descriptor, partition keys apart, and the
 * table properties (classification, partition projection).
 */
public final class GlueTables {
    public static final String INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    public static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    public static final String SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    /** Glue limits a column comment to 255 characters. */
    static final int MAX_COMMENT = 255;

    private GlueTables() {
    }

    public static TableInput tableInput(TableDefinition table, Map<String, String> keptParameters) {
        Map<String, String> parameters = new LinkedHashMap<>(keptParameters);
        parameters.put("EXTERNAL", "TRUE");
        parameters.put("classification", "parquet");
        parameters.putAll(table.properties());
        TableInput.Builder input = TableInput.builder()
                .name(table.table())
                .tableType("EXTERNAL_TABLE")
                .parameters(parameters)
                .partitionKeys(columns(table.partitionColumns()))
                .storageDescriptor(storage(table, table.location()));
        if (!table.description().isEmpty()) {
            input.description(table.description());
        }
        return input.build();
    }

    public static PartitionInput partitionInput(TableDefinition table, String partitionPath) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String segment : partitionPath.split("/")) {
            int eq = segment.indexOf('=');
            values.put(segment.substring(0, eq), segment.substring(eq + 1));
        }
        if (!List.copyOf(values.keySet()).equals(table.partitions().columns())) {
            throw new IllegalArgumentException("partition path '" + partitionPath + "' does not match the partition columns "
                    + table.partitions().columns() + " of " + table.qualifiedName());
        }
        return PartitionInput.builder()
                .values(List.copyOf(values.values()))
                .storageDescriptor(storage(table, table.location() + partitionPath + "/"))
                .build();
    }

    private static StorageDescriptor storage(TableDefinition table, String location) {
        return StorageDescriptor.builder()
                .columns(columns(table.columns()))
                .location(location)
                .inputFormat(INPUT_FORMAT)
                .outputFormat(OUTPUT_FORMAT)
                .compressed(false)
                .serdeInfo(SerDeInfo.builder().serializationLibrary(SERDE).parameters(Map.of("serialization.format", "1")).build())
                .build();
    }

    private static List<Column> columns(List<TableColumn> columns) {
        return columns.stream().map(c -> {
            Column.Builder column = Column.builder().name(c.name()).type(c.type().hive());
            if (!c.comment().isEmpty()) {
                column.comment(c.comment().length() > MAX_COMMENT ? c.comment().substring(0, MAX_COMMENT - 1) + "…" : c.comment());
            }
            return column.build();
        }).toList();
    }

    /** The table Glue holds, read back as a definition: its columns, partitioning, location and properties. */
    public static TableDefinition definition(String database, Table table) {
        StorageDescriptor sd = table.storageDescriptor();
        List<TableColumn> columns = sd == null || !sd.hasColumns() ? List.of() : sd.columns().stream()
                .map(c -> new TableColumn(c.name(), HiveTypes.parse(c.type()), c.comment())).toList();
        List<String> partitionColumns = table.hasPartitionKeys() ? table.partitionKeys().stream().map(Column::name).toList() : List.of();
        PartitionScheme scheme = partitionColumns.equals(PartitionScheme.DAILY.columns()) ? PartitionScheme.DAILY
                : partitionColumns.equals(PartitionScheme.HOURLY.columns()) ? PartitionScheme.HOURLY
                : PartitionScheme.byValue(partitionColumns);
        Map<String, String> properties = new LinkedHashMap<>();
        if (table.hasParameters()) {
            table.parameters().forEach((k, v) -> {
                // Ours: projection, and the entity's key and version that its _current view needs.
                if (k.startsWith("projection.") || k.equals("storage.location.template") || k.startsWith("tributary.")) {
                    properties.put(k, v);
                }
            });
        }
        String location = sd == null || sd.location() == null ? "" : sd.location();
        return new TableDefinition(database, table.name(), table.description(), columns, scheme,
                location.endsWith("/") ? location : location + "/", properties);
    }
}
