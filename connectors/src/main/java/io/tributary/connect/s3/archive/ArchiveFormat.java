package io.tributary.connect.s3.archive;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.format.FileContents;
import io.tributary.connect.s3.format.FileFormat;
import io.tributary.connect.s3.format.FormatWriter;
import io.tributary.connect.s3.spool.SpooledRecord;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.storage.StorageException;

/**
 * Raw archives for {@code landing}: Avro container files of {@link ArchiveSchema} rows. The
 * buffered rows are appended as they are (already Avro binary), so archiving costs no decoding.
 * The file's lineage is in the container header, known before the first row is written.
 */
public final class ArchiveFormat implements FileFormat {
    public static final String CONTENT_TYPE = "application/avro";
    private static final int HEADER_READ = 64 * 1024;

    private final ArchiveCodec codec;

    public ArchiveFormat(ArchiveCodec codec) {
        this.codec = codec;
    }

    @Override
    public String extension() {
        return "avro";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public FormatWriter open(ObjectUpload upload, FileContents contents) throws IOException {
        DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(ArchiveSchema.SCHEMA));
        writer.setCodec(codec.factory());
        contents.metadata().forEach(writer::setMeta);
        // Closing the stream ends it without publishing: the committer completes the upload.
        writer.create(ArchiveSchema.SCHEMA, new FilterOutputStream(upload) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        });
        return new FormatWriter() {
            @Override
            public void write(SpooledRecord record) throws IOException {
                writer.appendEncoded(ByteBuffer.wrap(record.bytes(), record.bytesOffset(), record.length()));
            }

            @Override
            public void finish() throws IOException {
                writer.close();
            }
        };
    }

    @Override
    public Map<String, String> readMetadata(ObjectStore store, String key) {
        byte[] head = store.readHead(key, HEADER_READ);
        try (DataFileStream<GenericRecord> stream = new DataFileStream<>(new ByteArrayInputStream(head), new GenericDatumReader<>())) {
            Map<String, String> metadata = new HashMap<>();
            for (String k : stream.getMetaKeys()) {
                if (!k.startsWith("avro.")) {
                    metadata.put(k, stream.getMetaString(k));
                }
            }
            return metadata;
        } catch (IOException e) {
            throw new StorageException(key + " is not an Avro container file with a readable header: " + e.getMessage(), e);
        }
    }
}
