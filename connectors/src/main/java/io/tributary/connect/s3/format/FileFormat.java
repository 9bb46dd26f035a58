package io.tributary.connect.s3.format;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;

import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.ObjectUpload;

/** How a file's buffered records become bytes in S3: Parquet for the lake, Avro container files for raw archives. */
public interface FileFormat {

    /** File extension without the dot. */
    String extension();

    String contentType();

    /** Why records of {@code schema} cannot be written in this format, or empty if they can. */
    default Optional<String> unwritable(Schema schema) {
        return Optional.empty();
    }

    /** Starts writing a file into {@code upload}; {@code contents.metadata()} goes into the file's own metadata. */
    FormatWriter open(ObjectUpload upload, FileContents contents) throws IOException;

    /** The metadata a file of this format carries about itself (its lineage), read with ranged requests. */
    Map<String, String> readMetadata(ObjectStore store, String key);

    /** The schema of the file's rows as query engines see it (e.g. with Kafka coordinate columns). */
    default Schema tableSchema(Schema recordSchema) {
        return recordSchema;
    }
}
