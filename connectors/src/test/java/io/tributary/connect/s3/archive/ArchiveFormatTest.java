package io.tributary.connect.s3.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.connect.s3.archive.ArchiveReader.ArchivedRecord;
import io.tributary.connect.s3.archive.ArchiveRecordEncoder.RawHeader;
import io.tributary.connect.s3.decode.DecodedValue;
import io.tributary.connect.s3.format.FileContents;
import io.tributary.connect.s3.format.FormatWriter;
import io.tributary.connect.s3.spool.MemoryMeter;
import io.tributary.connect.s3.spool.RecordSpool;
import io.tributary.connect.s3.spool.SpoolDirectory;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.support.InMemoryObjectStore;

/** Archive files keep every byte of the consumed records, tombstones and unreadable values included. */
class ArchiveFormatTest {
    @TempDir
    Path dir;

    @Test
    void archivedRecordsReadBackByteForByteWithTheirLineage() throws Exception {
        ArchiveRecordEncoder encoder = new ArchiveRecordEncoder();
        byte[] binary = {0, 1, 2, (byte) 0xff};
        DecodedValue a = encoder.encode("finance.landing.expenses", 2, 40, 1_700_000_000_000L, "CreateTime",
                "k1".getBytes(StandardCharsets.UTF_8), binary, List.of(new RawHeader("source", "sftp".getBytes(StandardCharsets.UTF_8)),
                        new RawHeader("empty", null)));
        DecodedValue tombstone = encoder.encode("finance.landing.expenses", 2, 41, null, "NoTimestampType", null, null, List.of());
        RecordSpool spool = new RecordSpool(new SpoolDirectory(dir), new MemoryMeter());
        spool.append(40, 1_700_000_000_000L, 0, a.bytes(), a.offset(), a.length());
        spool.append(41, null, 0, tombstone.bytes(), tombstone.offset(), tombstone.length());

        InMemoryObjectStore store = new InMemoryObjectStore();
        for (ArchiveCodec codec : ArchiveCodec.values()) {
            ArchiveFormat format = new ArchiveFormat(codec);
            ObjectUpload upload = store.newUpload("a-" + codec.id() + ".avro", format.contentType());
            FormatWriter writer = format.open(upload, new FileContents("finance.landing.expenses", 2, ArchiveSchema.SCHEMA,
                    List.of(ArchiveSchema.SCHEMA), Map.of("tributary.first.offset", "40")));
            spool.forEach(writer::write);
            writer.finish();
            upload.complete();

            List<ArchivedRecord> back = ArchiveReader.read(new ByteArrayInputStream(store.getBytes("a-" + codec.id() + ".avro")));
            assertThat(back).hasSize(2);
            ArchivedRecord first = back.get(0);
            assertThat(first.topic()).isEqualTo("finance.landing.expenses");
            assertThat(first.partition()).isEqualTo(2);
            assertThat(first.offset()).isEqualTo(40);
            assertThat(first.timestamp()).isEqualTo(1_700_000_000_000L);
            assertThat(first.key()).isEqualTo("k1".getBytes(StandardCharsets.UTF_8));
            assertThat(first.value()).isEqualTo(binary);
            assertThat(first.headers()).hasSize(2);
            assertThat(first.headers().get(0).key()).isEqualTo("source");
            assertThat(first.headers().get(0).value()).isEqualTo("sftp".getBytes(StandardCharsets.UTF_8));
            assertThat(first.headers().get(1).value()).isNull();
            ArchivedRecord second = back.get(1);
            assertThat(second.value()).as("a tombstone is archived as such").isNull();
            assertThat(second.key()).isNull();
            assertThat(second.timestamp()).isNull();
            assertThat(second.timestampType()).isEqualTo("NoTimestampType");
            assertThat(format.readMetadata(store, "a-" + codec.id() + ".avro")).containsEntry("tributary.first.offset", "40");
        }
    }
}
