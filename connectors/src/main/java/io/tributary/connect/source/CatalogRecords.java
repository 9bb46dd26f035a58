package io.tributary.connect.source;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

import io.tributary.connect.source.catalog.ArrivalRecord;
import io.tributary.connect.source.catalog.FileRejectionReport;
import io.tributary.connect.source.format.BadFileException;

/** The records a file leaves on the batches topic: its arrival, and its report when it is rejected. */
final class CatalogRecords {
    private final String batchesTopic;

    CatalogRecords(String batchesTopic) {
        this.batchesTopic = batchesTopic;
    }

    SourceRecord arrival(FileFacts file, long rows, String status, BadFileException problem, Map<String, Object> partition,
            FileOffsets offsets) {
        ArrivalRecord arrival = new ArrivalRecord(ArrivalRecord.KIND, file.key().zone(), file.key().dataset(), file.batchId(),
                file.source(), file.bucket(), file.object().key(), file.object().eTag(), file.object().size(), file.format(), rows,
                file.checksum(), file.key().landingTopic(), time(file.object().lastModified()), Instant.now().toString(), status,
                problem == null ? null : problem.reason().name(), problem == null ? null : problem.getMessage());
        return record(partition, offsets, arrival.keyBytes(), arrival.toJson());
    }

    SourceRecord rejection(FileFacts file, BadFileException problem, Map<String, Object> partition, FileOffsets offsets) {
        FileRejectionReport report = FileRejectionReport.of(file.key().zone(), file.key().dataset(), file.batchId(), file.source(),
                problem.reason().name(), "file " + file.source() + " rejected: " + problem.getMessage(), problem.row(), problem.field(),
                file.openedAt().toString(), Instant.now().toString());
        return record(partition, offsets, report.key(), report.toJson());
    }

    private SourceRecord record(Map<String, Object> partition, FileOffsets offsets, byte[] key, byte[] value) {
        return new SourceRecord(partition, offsets.toMap(), batchesTopic, null, Schema.OPTIONAL_BYTES_SCHEMA, key,
                Schema.OPTIONAL_BYTES_SCHEMA, value);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
