package io.tributary.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The Avro schema a Parquet file was written with: parquet-avro keeps it in the footer under
 * {@code parquet.avro.schema}. For tables no zone declares (ods, analytical), the newest file's
 * schema is the table's.
 */
public final class FooterSchemas {
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

    private FooterSchemas() {
    }

    /** The schema of the most recently written Parquet file under {@code folder}, if it has one. */
    public static Optional<Schema> newest(Path folder) {
        Optional<Path> newest;
        try (Stream<Path> files = Files.walk(folder)) {
            newest = files.filter(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p))
                    .max(Comparator.comparing(FooterSchemas::modified).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lake folder " + folder + ": " + e.getMessage(), e);
        }
        return newest.flatMap(FooterSchemas::of);
    }

    /** The schema in one file's footer; empty if the file has none or cannot be read. */
    public static Optional<Schema> of(Path file) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement s = duck.prepareStatement("SELECT value FROM parquet_kv_metadata(?) WHERE decode(key) = ?")) {
            s.setString(1, file.toString());
            s.setString(2, AVRO_SCHEMA_KEY);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Schema.Parser().parse(new String(rows.getBytes(1), StandardCharsets.UTF_8)));
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
