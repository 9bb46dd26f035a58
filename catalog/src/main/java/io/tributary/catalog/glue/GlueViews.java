package io.tributary.catalog.glue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.table.CurrentViews;
import io.tributary.catalog.table.TableColumn;
import io.tributary.catalog.table.TableDefinition;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * An entity's {@code <entity>_current} view as Glue keeps an Athena view: a {@code VIRTUAL_VIEW}
 * table whose original text is {@code /* Presto View: <base64 of the view's JSON> *}{@code /}, the
 * JSON carrying the query, the catalog and schema it runs in, and its columns with their Trino
 * types. This is the form Athena writes for {@code CREATE VIEW} and reads back; Glue has no other
 * way to hold a view.
 */
public final class GlueViews {
    /** Athena's catalog name for the Glue Data Catalog. */
    static final String ATHENA_CATALOG = "awsdatacatalog";
    static final String ORIGINAL_TEXT_PREFIX = "/* Presto View: ";
    static final String ORIGINAL_TEXT_SUFFIX = " */";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GlueViews() {
    }

    /** The view input of an ods table that names its key and version columns in its properties. */
    public static TableInput currentView(TableDefinition odsTable, String keyColumn, String versionColumn) {
        String sql = CurrentViews.select(odsTable, keyColumn, versionColumn);
        List<TableColumn> columns = odsTable.allColumns();
        return TableInput.builder()
                .name(CurrentViews.viewName(odsTable))
                .tableType("VIRTUAL_VIEW")
                .description("Latest row per " + keyColumn + " of " + odsTable.qualifiedName() + ", by " + versionColumn)
                .viewOriginalText(originalText(odsTable.database(), sql, columns))
                .viewExpandedText("/* Presto View */")
                .parameters(Map.of("presto_view", "true", "comment", "Presto View"))
                .storageDescriptor(StorageDescriptor.builder()
                        .columns(columns.stream().map(c -> Column.builder().name(c.name()).type(c.type().hive()).build()).toList())
                        .serdeInfo(SerDeInfo.builder().build())
                        .build())
                .build();
    }

    static String originalText(String database, String sql, List<TableColumn> columns) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("originalSql", sql);
        view.put("catalog", ATHENA_CATALOG);
        view.put("schema", database);
        // Ordered maps: the text is compared with Glue's to decide whether the view changed.
        view.put("columns", columns.stream().map(c -> {
            Map<String, String> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.put("type", c.type().trino());
            return column;
        }).toList());
        view.put("runAsInvoker", false);
        try {
            byte[] json = JSON.writeValueAsBytes(view);
            return ORIGINAL_TEXT_PREFIX + Base64.getEncoder().encodeToString(json) + ORIGINAL_TEXT_SUFFIX;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the view of " + database + ": " + e.getMessage(), e);
        }
    }

    /** The JSON inside a view's original text, for reading back. */
    static String decode(String originalText) {
        if (!originalText.startsWith(ORIGINAL_TEXT_PREFIX) || !originalText.endsWith(ORIGINAL_TEXT_SUFFIX)) {
            throw new IllegalArgumentException("not an Athena view's text: " + originalText);
        }
        String base64 = originalText.substring(ORIGINAL_TEXT_PREFIX.length(), originalText.length() - ORIGINAL_TEXT_SUFFIX.length());
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
