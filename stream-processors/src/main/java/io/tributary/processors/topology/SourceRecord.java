package io.tributary.processors.topology;

import java.util.Optional;

import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Where the record being processed came from; always known while processing a record read from a topic. */
final class SourceRecord implements RecordMetadata {
    private static final SourceRecord UNKNOWN = new SourceRecord();

    private SourceRecord() {
    }

    static RecordMetadata of(Optional<RecordMetadata> metadata) {
        return metadata.orElse(UNKNOWN);
    }

    @Override
    public String topic() {
        return "";
    }

    @Override
    public int partition() {
        return -1;
    }

    @Override
    public long offset() {
        return -1;
    }
}
