package io.tributary.connect.source.format;

import java.io.IOException;
import java.util.Map;

/** Reads a file's data rows one at a time, in file order, holding only the current one in memory. */
public interface RowReader extends AutoCloseable {

    /**
     * The next data row, or null after the last.
     *
     * @throws BadFileException when the file cannot be read as its format (the reason says why)
     * @throws IOException      when the local copy cannot be read (not the file's fault)
     */
    FileRow next() throws BadFileException, IOException;

    /** Headers every landing record of this file carries, e.g. {@code tributary.csv.header}. */
    default Map<String, String> recordHeaders() {
        return Map.of();
    }

    @Override
    void close() throws IOException;
}
