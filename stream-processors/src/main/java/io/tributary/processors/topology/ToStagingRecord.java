package io.tributary.processors.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** An accepted verdict as the staging record: new key, wire-format value, the landing record's headers plus its source. */
final class ToStagingRecord implements Processor<byte[], Verdict, byte[], byte[]> {
    private ProcessorContext<byte[], byte[]> context;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], Verdict> record) {
        Verdict.Accepted accepted = (Verdict.Accepted) record.value();
        RecordMetadata source = SourceRecord.of(context.recordMetadata());
        context.forward(record.withKey(accepted.key()).withValue(accepted.value())
                .withHeaders(RejectHeaders.staging(record.headers(), source.topic(), source.partition(), source.offset(),
                        accepted.warnings())));
    }
}
