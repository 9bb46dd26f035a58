package io.tributary.connect.source.format;

import java.util.Locale;
import java.util.Optional;

/** The file formats the ingress source reads, known by extension. */
public enum FileFormat {
    CSV, JSON_LINES, XLSX, PARQUET;

    public static final String SUPPORTED = ".csv, .jsonl, .ndjson, .json (JSON lines), .xlsx, .parquet";

    /** The format of an object key, or empty if its extension is not one the source reads. */
    public static Optional<FileFormat> of(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "csv" -> Optional.of(CSV);
            case "jsonl", "ndjson", "json" -> Optional.of(JSON_LINES);
            case "xlsx" -> Optional.of(XLSX);
            case "parquet" -> Optional.of(PARQUET);
            default -> Optional.empty();
        };
    }

    /** Why a key's extension is refused, naming what is read instead. */
    public static String unsupported(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls")) {
            return name + " is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx. Read: " + SUPPORTED;
        }
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name + " has no extension" : "the extension " + name.substring(dot) + " of " + name + " is not read")
                + "; read: " + SUPPORTED;
    }
}
