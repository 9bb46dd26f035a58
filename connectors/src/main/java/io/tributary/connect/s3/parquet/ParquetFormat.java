package io.tributary.connect.s3.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter.Mode;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

import io.tributary.connect.s3.format.FileContents;
import io.tributary.connect.s3.format.FileFormat;
import io.tributary.connect.s3.format.FormatWriter;
import io.tributary.connect.s3.spool.SpooledRecord;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.ObjectUpload;

/**
 * Parquet from the records' Avro schema (parquet-avro's mapping: decimals, timestamps, dates,
 * nullable unions, nested records, arrays and maps). A file is written in one pass when it is
 * committed, so only one Parquet writer (one row group) is in memory per task at a time.
 */
public final class ParquetFormat implements FileFormat {
    public static final String CONTENT_TYPE = "application/vnd.apache.parquet";

    private final ParquetSettings settings;
    private final KafkaColumns kafkaColumns;

    public ParquetFormat(ParquetSettings settings, KafkaColumns kafkaColumns) {
        this.settings = settings;
        this.kafkaColumns = kafkaColumns;
    }

    @Override
    public String extension() {
        return "parquet";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public Optional<String> unwritable(Schema schema) {
        return kafkaColumns.clash(schema);
    }

    @Override
    public Schema tableSchema(Schema recordSchema) {
        return kafkaColumns.extend(recordSchema);
    }

    @Override
    public FormatWriter open(ObjectUpload upload, FileContents contents) throws IOException {
        return new RecordWriter(upload, contents);
    }

    @Override
    public Map<String, String> readMetadata(ObjectStore store, String key) {
        return new FooterReader(store).keyValueMetadata(key);
    }

    /**
     * A Parquet writer over {@code file} with this format's codec, row-group and page sizes;
     * {@code footer} goes into the footer's key-value metadata, so each object describes itself.
     */
    public ParquetWriter<GenericRecord> writer(OutputFile file, Schema schema, Map<String, String> footer) throws IOException {
        return new Builder(file, schema)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(Mode.OVERWRITE)
                .withCompressionCodec(settings.codec().parquetName())
                .withRowGroupSize(settings.rowGroupBytes())
                .withPageSize(settings.pageBytes())
                .withDictionaryEncoding(true)
                .withExtraMetaData(footer)
                .build();
    }

    /** Decodes each buffered body into the file's schema (projecting older or newer writer schemas) and writes it. */
    private final class RecordWriter implements FormatWriter {
        private final String topic;
        private final int partition;
        private final ParquetWriter<GenericRecord> writer;
        private final List<GenericDatumReader<GenericRecord>> readers = new ArrayList<>();
        private BinaryDecoder decoder;
        private GenericRecord row;

        RecordWriter(ObjectUpload upload, FileContents contents) throws IOException {
            this.topic = contents.topic();
            this.partition = contents.partition();
            Schema rowSchema = kafkaColumns.extend(contents.schema());
            for (Schema writerSchema : contents.writerSchemas()) {
                readers.add(new GenericDatumReader<>(writerSchema, rowSchema, GenericData.get()));
            }
            this.writer = writer(new UploadOutputFile(upload), rowSchema, contents.metadata());
        }

        @Override
        public void write(SpooledRecord record) throws IOException {
            decoder = DecoderFactory.get().binaryDecoder(record.bytes(), record.bytesOffset(), record.length(), decoder);
            try {
                row = readers.get(record.schemaIndex()).read(row, decoder);
            } catch (IOException | RuntimeException e) {
                throw new IOException("the record at " + topic + "/" + partition + " offset " + record.offset()
                        + " cannot be read into the file's schema: " + e, e);
            }
            kafkaColumns.fill(row, topic, partition, record.offset(), record.timestamp());
            writer.write(row);
        }

        @Override
        public void finish() throws IOException {
            writer.close();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<GenericRecord, Builder> {
        private final Schema schema;

        Builder(OutputFile file, Schema schema) {
            super(file);
            this.schema = schema;
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
            return new AvroWriteSupport<>(new AvroSchemaConverter(conf).convert(schema), schema, GenericData.get());
        }
    }
}
