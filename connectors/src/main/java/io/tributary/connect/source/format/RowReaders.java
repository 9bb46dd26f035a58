package io.tributary.connect.source.format;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the reader of a file's format over a local copy of the file. */
public final class RowReaders {
    private RowReaders() {
    }

    /**
     * @throws BadFileException if the file cannot be read as {@code format} (empty, encrypted, damaged, …)
     */
    public static RowReader open(FileFormat format, Path file, ReaderSettings settings) throws IOException, BadFileException {
        return switch (format) {
            case CSV -> CsvRowReader.open(file, settings);
            case JSON_LINES -> JsonLinesRowReader.open(file);
            case XLSX -> XlsxRowReader.open(file, settings);
            case PARQUET -> ParquetRowReader.open(file);
        };
    }

    /**
     * Reads the whole file once without keeping anything, so that a bad file is refused before
     * any of its rows is landed, and its row count is known for the batch-end marker.
     */
    public static long countRows(FileFormat format, Path file, ReaderSettings settings) throws IOException, BadFileException {
        try (RowReader reader = open(format, file, settings)) {
            long rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            if (rows == 0) {
                throw new BadFileException(BadFileReason.EMPTY_FILE, "the file has no data rows");
            }
            return rows;
        }
    }
}
