package io.tributary.processors.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Validates each landing record of a record-mode dataset and passes on its verdict; counts and logs the decision. */
final class ValidateRecord implements FixedKeyProcessor<byte[], byte[], Verdict> {
    private final String dataset;
    private final DatasetValidator validator;
    private final ValidationMetrics metrics;
    private final RejectLog rejectLog;
    private FixedKeyProcessorContext<byte[], Verdict> context;

    ValidateRecord(DatasetValidator validator, ValidationMetrics metrics, RejectLog rejectLog) {
        this.dataset = validator.dataset().name();
        this.validator = validator;
        this.metrics = metrics;
        this.rejectLog = rejectLog;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Verdict> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        Verdict verdict = validator.validate(record.value(), record.headers());
        if (verdict instanceof Verdict.Rejected rejected) {
            metrics.rejected(dataset, rejected.why().reason());
            RecordMetadata source = SourceRecord.of(context.recordMetadata());
            rejectLog.rejected(source.topic(), source.partition(), source.offset(), rejected.why());
        } else {
            metrics.accepted(dataset);
            ((Verdict.Accepted) verdict).warnings().forEach(rule -> metrics.warned(dataset, rule));
        }
        metrics.latency(dataset, context.currentSystemTimeMs() - record.timestamp());
        context.forward(record.withValue(verdict));
    }
}
