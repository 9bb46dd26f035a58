package io.tributary.connect.s3.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

import io.tributary.connect.s3.archive.ArchiveRecordEncoder.RawHeader;

/** Reads archive files back into the Kafka records they keep, e.g. to replay landing data. */
public final class ArchiveReader {

    /** A record as it was consumed. */
    public record ArchivedRecord(String topic, int partition, long offset, Long timestamp, String timestampType, byte[] key,
            byte[] value, List<RawHeader> headers) {
    }

    private ArchiveReader() {
    }

    public static List<ArchivedRecord> read(InputStream archiveFile) throws IOException {
        List<ArchivedRecord> records = new ArrayList<>();
        try (DataFileStream<GenericRecord> stream = new DataFileStream<>(archiveFile, new GenericDatumReader<>(ArchiveSchema.SCHEMA))) {
            for (GenericRecord row : stream) {
                List<RawHeader> headers = new ArrayList<>();
                for (Object h : (List<?>) row.get("headers")) {
                    GenericRecord header = (GenericRecord) h;
                    headers.add(new RawHeader(header.get("key").toString(), bytes(header.get("value"))));
                }
                records.add(new ArchivedRecord(row.get("topic").toString(), (Integer) row.get("partition"), (Long) row.get("offset"),
                        (Long) row.get("timestamp"), row.get("timestamp_type").toString(), bytes(row.get("key")),
                        bytes(row.get("value")), headers));
            }
        }
        return records;
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
