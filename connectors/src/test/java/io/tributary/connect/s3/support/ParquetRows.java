package io.tributary.connect.s3.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads Parquet objects of an in-memory store back with DuckDB, an independent reader. */
public final class ParquetRows {
    private ParquetRows() {
    }

    /** Rows of every Parquet object under {@code prefix}, with a {@code filename} column relative to {@code dir}. */
    public static List<Map<String, Object>> read(InMemoryObjectStore store, String prefix, Path dir, String columns) throws Exception {
        Path root = dir.resolve("rows-" + System.nanoTime());
        List<String> keys = store.keys(prefix).stream().filter(k -> k.endsWith(".parquet")).toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        for (String key : keys) {
            Path file = root.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, store.getBytes(key));
        }
        return LakeReader.query("SELECT " + columns + ", replace(filename, '" + root + "/', '') AS filename FROM read_parquet('" + root
                + "/**/*.parquet', filename = true, hive_partitioning = false, union_by_name = true)");
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
