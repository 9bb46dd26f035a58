package io.tributary.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The analysts' saved queries under {@code examples/queries/}. */
public final class SavedQueries {
    /** One saved query: its file name and its SQL. */
    public record Query(String name, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    private SavedQueries() {
    }

    public static List<Query> all() {
        Path folder = Schemas.home().resolve("examples/queries");
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted()
                    .map(p -> new Query(folder.relativize(p).toString(), read(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
