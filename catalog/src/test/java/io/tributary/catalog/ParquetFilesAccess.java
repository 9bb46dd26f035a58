package io.tributary.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Lets tests of other packages write Parquet files as the sink does. */
public final class ParquetFilesAccess {
    private ParquetFilesAccess() {
    }

    public static Path write(Path file, Schema schema, List<GenericRecord> records) throws IOException {
        return ParquetFiles.write(file, schema, records);
    }
}
