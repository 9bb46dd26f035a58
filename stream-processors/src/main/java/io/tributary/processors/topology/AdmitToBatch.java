package io.tributary.processors.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.batch.BatchEnvelope;

/**
 * Reads a batch-mode landing record's batch headers and wraps it for the hop to its batch's task.
 * A record without a batch id, or with an end marker that is no record count, cannot join a batch:
 * its envelope has no batch id and it goes to rejected at once ({@link AdmissionRejected}).
 */
final class AdmitToBatch implements FixedKeyProcessor<byte[], byte[], BatchEnvelope> {
    static final int MALFORMED_END = -2;
    private FixedKeyProcessorContext<byte[], BatchEnvelope> context;

    @Override
    public void init(FixedKeyProcessorContext<byte[], BatchEnvelope> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        RecordMetadata source = SourceRecord.of(context.recordMetadata());
        String batchId = text(record.headers().lastHeader(RejectHeaderNames.BATCH_ID));
        String end = text(record.headers().lastHeader(RejectHeaderNames.BATCH_END));
        int endCount = -1;
        if (end != null) {
            try {
                endCount = Integer.parseInt(end.trim());
            } catch (NumberFormatException e) {
                endCount = MALFORMED_END;
            }
            endCount = endCount < 1 ? MALFORMED_END : endCount;
        }
        if (batchId != null && batchId.isBlank()) {
            batchId = null;
        }
        context.forward(record.withValue(new BatchEnvelope(endCount == MALFORMED_END ? null : batchId, endCount, source.topic(),
                source.partition(), source.offset(), record.value())));
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
