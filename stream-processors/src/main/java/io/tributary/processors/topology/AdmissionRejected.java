package io.tributary.processors.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.batch.BatchEnvelope;
import io.tributary.processors.validation.RejectReason;
import io.tributary.processors.validation.ValidationOutcome;

/** A batch-mode record that cannot join a batch, as its rejected record ({@code MISSING_BATCH_ID} or a bad end marker). */
final class AdmissionRejected implements FixedKeyProcessor<byte[], BatchEnvelope, byte[]> {
    private final String dataset;
    private final ValidationMetrics metrics;
    private final RejectLog rejectLog;
    private FixedKeyProcessorContext<byte[], byte[]> context;

    AdmissionRejected(String dataset, ValidationMetrics metrics, RejectLog rejectLog) {
        this.dataset = dataset;
        this.metrics = metrics;
        this.rejectLog = rejectLog;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], BatchEnvelope> record) {
        BatchEnvelope e = record.value();
        ValidationOutcome.Rejected why = e.endCount() == AdmitToBatch.MALFORMED_END
                ? ValidationOutcome.rejected(RejectReason.BAD_VALUE, RejectHeaderNames.BATCH_END, "the batch end marker header "
                        + RejectHeaderNames.BATCH_END + " must be the batch's record count, a whole number above 0")
                : ValidationOutcome.rejected(RejectReason.MISSING_BATCH_ID, RejectHeaderNames.BATCH_ID, "dataset " + dataset
                        + " is validated in batches: every record carries its batch id in the " + RejectHeaderNames.BATCH_ID + " header");
        metrics.rejected(dataset, why.reason());
        rejectLog.rejected(e.sourceTopic(), e.sourcePartition(), e.sourceOffset(), why);
        metrics.latency(dataset, context.currentSystemTimeMs() - record.timestamp());
        context.forward(record.withValue(e.value()).withHeaders(RejectHeaders.rejection(record.headers(), why, e.sourceTopic(),
                e.sourcePartition(), e.sourceOffset())));
    }
}
