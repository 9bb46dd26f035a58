package io.tributary.connect.source;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

import io.tributary.connect.source.catalog.ArrivalRecord;
import io.tributary.connect.source.catalog.FileRejectionReport;
import io.tributary.connect.source.format.BadFileException;
import io.tributary.model.PlatformTopics;

/**
 * The records a file leaves on its zone's batches topic ({@link PlatformTopics#batches}): its arrival,
 * and its report when it is rejected. One connector may watch several zones; each zone's batch
 * catalogue is its own topic, so that ACLs keep it to that zone.
 */
final class CatalogRecords {
    SourceRecord arrival(FileFacts file, long rows, String status, BadFileException problem, Map<String, Object> partition,
            FileOffsets offsets) {
        ArrivalRecord arrival = new ArrivalRecord(ArrivalRecord.KIND, file.key().zone(), file.key().dataset(), file.batchId(),
                file.source(), file.bucket(), file.object().key(), file.object().eTag(), file.object().size(), file.format(), rows,
                file.checksum(), file.key().landingTopic(), time(file.object().lastModified()), Instant.now().toString(), status,
                problem == null ? null : problem.reason().name(), problem == null ? null : problem.getMessage());
        return record(file, partition, offsets, arrival.keyBytes(), arrival.toJson());
    }

    SourceRecord rejection(FileFacts file, BadFileException problem, Map<String, Object> partition, FileOffsets offsets) {
        FileRejectionReport report = FileRejectionReport.of(file.key().zone(), file.key().dataset(), file.batchId(), file.source(),
                problem.reason().name(), "file " + file.source() + " rejected: " + problem.getMessage(), problem.row(), problem.field(),
                file.openedAt().toString(), Instant.now().toString());
        return record(file, partition, offsets, report.key(), report.toJson());
    }

    private static SourceRecord record(FileFacts file, Map<String, Object> partition, FileOffsets offsets, byte[] key, byte[] value) {
        String topic = PlatformTopics.batches(file.key().zone());
        return new SourceRecord(partition, offsets.toMap(), topic, null, Schema.OPTIONAL_BYTES_SCHEMA, key, Schema.OPTIONAL_BYTES_SCHEMA, value);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
