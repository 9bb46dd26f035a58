package io.tributary.connect.s3.parquet;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter.Mode;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import io.tributary.connect.s3.storage.ObjectUpload;

/**
 * One Parquet file being written to an {@link ObjectUpload}. Parquet keeps the current row
 * group in memory, so {@link #memoryBytes()} reports that plus the upload's part buffer for
 * the sink's memory budget. {@link #finish(Map)} writes the footer with the given metadata;
 * the caller then completes the upload.
 */
public final class ParquetFileWriter {
    private final ObjectUpload upload;
    private final ParquetWriter<GenericRecord> writer;
    private final Schema schema;
    private Map<String, String> footer = Map.of();

    public ParquetFileWriter(ObjectUpload upload, Schema schema, ParquetSettings settings) {
        this.upload = upload;
        this.schema = schema;
        try {
            this.writer = new Builder(new UploadOutputFile(upload), schema, () -> footer)
                    .withConf(new PlainParquetConfiguration())
                    .withWriteMode(Mode.OVERWRITE)
                    .withCompressionCodec(settings.codec().parquetName())
                    .withRowGroupSize(settings.rowGroupBytes())
                    .withPageSize(settings.pageBytes())
                    .withDictionaryEncoding(true)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a Parquet writer for " + upload.key() + ": " + e.getMessage(), e);
        }
    }

    public Schema schema() {
        return schema;
    }

    public String key() {
        return upload.key();
    }

    public void write(GenericRecord record) throws IOException {
        writer.write(record);
    }

    /** Memory held: the row group not yet flushed plus the upload buffer. */
    public long memoryBytes() {
        return Math.max(0, writer.getDataSize() - upload.position()) + upload.bufferedBytes();
    }

    /** Flushes the last row group and writes the footer with {@code metadata}; the object is not yet visible. */
    public void finish(Map<String, String> metadata) throws IOException {
        this.footer = Map.copyOf(metadata);
        writer.close();
    }

    public ObjectUpload upload() {
        return upload;
    }

    private static final class Builder extends ParquetWriter.Builder<GenericRecord, Builder> {
        private final Schema schema;
        private final Supplier<Map<String, String>> footer;

        Builder(OutputFile file, Schema schema, Supplier<Map<String, String>> footer) {
            super(file);
            this.schema = schema;
            this.footer = footer;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            throw new UnsupportedOperationException("Hadoop configuration is not used");
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(ParquetConfiguration conf) {
            AvroWriteSupport<GenericRecord> avro = new AvroWriteSupport<>(new AvroSchemaConverter(conf).convert(schema), schema,
                    GenericData.get());
            return new FooterMetadataWriteSupport<>(avro, footer);
        }
    }

    /** Parquet's view of an upload: a stream that knows its position. */
    private static final class UploadOutputFile implements OutputFile {
        private final ObjectUpload upload;

        UploadOutputFile(ObjectUpload upload) {
            this.upload = upload;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return stream();
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return stream();
        }

        private PositionOutputStream stream() {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return upload.position();
                }

                @Override
                public void write(int b) throws IOException {
                    upload.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    upload.write(b, off, len);
                }

                @Override
                public void close() {
                    upload.close();
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return upload.key();
        }
    }
}
