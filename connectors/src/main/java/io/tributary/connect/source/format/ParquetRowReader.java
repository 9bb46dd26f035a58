package io.tributary.connect.source.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parquet files (parquet-avro): each row as a JSON object ({@link AvroJson}); one row group at a
 * time is in memory.
 */
final class ParquetRowReader implements RowReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ParquetReader<GenericRecord> reader;
    private long number;

    private ParquetRowReader(ParquetReader<GenericRecord> reader) {
        this.reader = reader;
    }

    static ParquetRowReader open(Path file) throws IOException, BadFileException {
        long size = Files.size(file);
        if (size == 0) {
            throw new BadFileException(BadFileReason.EMPTY_FILE, "the file is empty (0 bytes)");
        }
        try {
            PlainParquetConfiguration conf = new PlainParquetConfiguration();
            // Plain generic records: logical types are converted by AvroJson from the schema.
            return new ParquetRowReader(AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), conf)
                    .withDataModel(GenericData.get()).build());
        } catch (RuntimeException | IOException e) {
            boolean truncated = size < 12 || e.getMessage() != null && (e.getMessage().contains("magic number")
                    || e.getMessage().contains("footer") || e.getMessage().contains("too small"));
            throw new BadFileException(truncated ? BadFileReason.TRUNCATED_FILE : BadFileReason.CORRUPT_FILE,
                    "not a readable Parquet file (" + size + " bytes" + (truncated ? "; truncated or not Parquet" : "") + "): "
                            + e.getMessage());
        }
    }

    @Override
    public FileRow next() throws BadFileException {
        GenericRecord record;
        try {
            record = reader.read();
        } catch (IOException | RuntimeException e) {
            throw new BadFileException(BadFileReason.CORRUPT_FILE, "row " + (number + 1) + " cannot be read (damaged data page): "
                    + e.getMessage(), number + 1, "");
        }
        if (record == null) {
            return null;
        }
        number++;
        try {
            return new FileRow(number, "row " + number, JSON.writeValueAsBytes(AvroJson.record(record)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
