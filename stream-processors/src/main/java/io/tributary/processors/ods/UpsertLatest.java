package io.tributary.processors.ods;

import java.nio.ByteBuffer;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.RejectHeaderNames;

/**
 * Keeps an entity's ods topic a change log of newer versions only: for each business key it
 * remembers the latest version written (and the priority of the source that gave it); a mapped
 * record with a greater version is written, one with an equal version only if its source has a
 * higher priority, anything else (older, or a duplicate) is dropped. The store holds 12 bytes per
 * key, so its memory is small and predictable; with exactly-once the store and the output commit
 * together, which is what makes the dedupe hold across restarts.
 */
final class UpsertLatest implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(UpsertLatest.class);
    private final String zone;
    private final String entity;
    private final String storeName;
    private final OdsCounters counters;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> latest;

    UpsertLatest(String zone, String entity, String storeName, OdsCounters counters) {
        this.zone = zone;
        this.entity = entity;
        this.storeName = storeName;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.latest = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        long version;
        int priority;
        try {
            version = OdsHeaders.longValue(record.headers(), RejectHeaderNames.ODS_VERSION);
            priority = (int) OdsHeaders.longValue(record.headers(), RejectHeaderNames.ODS_PRIORITY);
        } catch (IllegalArgumentException e) {
            // Only the mapping step writes this topic; a record from elsewhere cannot be ordered.
            RecordMetadata m = context.recordMetadata().orElseThrow();
            LOG.error("Zone {} entity {}: dropped {}-{}@{}, not a mapped record: {}", zone, entity, m.topic(), m.partition(), m.offset(),
                    e.getMessage());
            counters.dropped(zone, entity);
            return;
        }
        Bytes key = Bytes.wrap(record.key());
        byte[] current = latest.get(key);
        if (current != null) {
            ByteBuffer buffer = ByteBuffer.wrap(current);
            long currentVersion = buffer.getLong();
            int currentPriority = buffer.getInt();
            if (version < currentVersion || version == currentVersion && priority <= currentPriority) {
                counters.dropped(zone, entity);
                return;
            }
        }
        latest.put(key, ByteBuffer.allocate(12).putLong(version).putInt(priority).array());
        context.forward(record);
        counters.written(zone, entity);
    }
}
