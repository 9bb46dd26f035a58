package io.tributary.processors.ods;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.RejectHeaderNames;

/**
 * Keeps an entity's ods topic a change log of newer versions only: for each business key it
 * remembers the latest version written (and the priority of the source that gave it); a mapped
 * record with a greater version is written, one with an equal version only if its source has a
 * higher priority, anything else (older, or a duplicate) is dropped. Where it remembers is a
 * {@link VersionIndex} ({@link VersionStore}): a changelogged state store, or memory rebuilt from
 * the ods topic; with exactly-once either matches the committed output, which is what makes the
 * dedupe hold across restarts.
 */
final class UpsertLatest implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(UpsertLatest.class);
    private final String zone;
    private final String entity;
    private final VersionIndex.Opener versions;
    private final OdsCounters counters;
    private ProcessorContext<byte[], byte[]> context;
    private VersionIndex latest;

    UpsertLatest(String zone, String entity, VersionIndex.Opener versions, OdsCounters counters) {
        this.zone = zone;
        this.entity = entity;
        this.versions = versions;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        // A new index at every initialisation: after a dirty close the task starts again from its committed state.
        this.latest = versions.open(context);
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
        if (!latest.advance(record.key(), version, priority)) {
            counters.dropped(zone, entity);
            return;
        }
        context.forward(record);
        counters.written(zone, entity);
    }

    @Override
    public void close() {
        latest = null;
    }
}
