package io.tributary.processors.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** A rejected verdict as the rejected record: the original key and value, with the reason and source in headers. */
final class ToRejectedRecord implements FixedKeyProcessor<byte[], Verdict, byte[]> {
    private FixedKeyProcessorContext<byte[], byte[]> context;

    @Override
    public void init(FixedKeyProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Verdict> record) {
        Verdict.Rejected rejected = (Verdict.Rejected) record.value();
        RecordMetadata source = SourceRecord.of(context.recordMetadata());
        context.forward(record.withValue(rejected.originalValue()).withHeaders(RejectHeaders.rejection(record.headers(),
                rejected.why(), source.topic(), source.partition(), source.offset())));
    }
}
