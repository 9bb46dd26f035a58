package io.tributary.processors.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.BatchSettings;
import io.tributary.processors.batch.BatchDecision;
import io.tributary.processors.batch.BatchEnvelope;
import io.tributary.processors.batch.BatchState;
import io.tributary.processors.batch.Outgoing;
import io.tributary.processors.batch.PendingRecord;
import io.tributary.processors.batch.PendingRecordCodec;

/**
 * Holds the records of open batches in two persistent (RocksDB, changelogged) stores until each
 * batch can be decided: when its end marker and every record it announces have arrived, when it
 * grows beyond {@code maxRecords}, or when it times out (checked by a wall-clock punctuation).
 * A decision forwards every record of the batch, and its report, from one call: they are written
 * in one Kafka transaction with the deletion of the batch's state, so a batch is promoted or
 * rejected atomically and exactly once. Records are judged on arrival; the stores hold verdicts.
 */
final class BatchAssembler implements Processor<byte[], BatchEnvelope, byte[], Outgoing> {
    private static final Logger LOG = LoggerFactory.getLogger(BatchAssembler.class);
    /** Separates batch id and sequence number in record keys, so that a batch's records share a prefix. */
    private static final String SEPARATOR = "\u0000";

    private final String zone;
    private final DatasetValidator validator;
    private final BatchSettings settings;
    private final BatchDecision decision;
    private final ValidationMetrics metrics;
    private final String recordStoreName;
    private final String stateStoreName;
    private ProcessorContext<byte[], Outgoing> context;
    private KeyValueStore<String, byte[]> records;
    private KeyValueStore<String, byte[]> states;

    BatchAssembler(String zone, DatasetValidator validator, ValidationMetrics metrics, String recordStoreName, String stateStoreName) {
        this.zone = zone;
        this.validator = validator;
        this.settings = validator.dataset().batch();
        this.decision = new BatchDecision(zone, validator.dataset().name(), settings);
        this.metrics = metrics;
        this.recordStoreName = recordStoreName;
        this.stateStoreName = stateStoreName;
    }

    static Duration punctuationInterval(BatchSettings settings) {
        return Duration.ofMillis(Math.max(100, Math.min(1_000, settings.timeout().toMillis() / 4)));
    }

    @Override
    public void init(ProcessorContext<byte[], Outgoing> context) {
        this.context = context;
        this.records = context.getStateStore(recordStoreName);
        this.states = context.getStateStore(stateStoreName);
        context.schedule(punctuationInterval(settings), PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<byte[], BatchEnvelope> record) {
        BatchEnvelope envelope = record.value();
        String batchId = envelope.batchId();
        long now = context.currentSystemTimeMs();
        byte[] stored = states.get(batchId);
        BatchState state = stored == null ? BatchState.opened(now) : BatchState.decode(stored);
        Verdict verdict = validator.validate(envelope.value(), record.headers());
        PendingRecord pending = new PendingRecord(ValidationTopology.landingKey(record.key()), envelope.value(), record.headers(), record.timestamp(),
                envelope.sourceTopic(), envelope.sourcePartition(), envelope.sourceOffset(), verdict);
        if (state.closed()) {
            // The batch was already rejected as too large; its stragglers follow it.
            List<Outgoing> out = decision.decide(batchId, List.of(pending), state, BatchDecision.Cause.TOO_LARGE, now).records();
            forward(out.subList(0, out.size() - 1));
            state = state.add(!verdict.accepted(), false);
            if (envelope.endCount() > 0 || state.received() >= state.expected() && state.endSeen()) {
                states.delete(batchId);
            } else {
                states.put(batchId, state.encode());
            }
            return;
        }
        records.put(key(batchId, state.received()), PendingRecordCodec.encode(pending));
        state = state.add(!verdict.accepted(), verdict instanceof Verdict.Rejected r && r.failsBatch());
        if (envelope.endCount() > 0) {
            state = state.expecting(envelope.endCount());
        }
        if (state.received() > settings.maxRecords()) {
            decide(batchId, state, BatchDecision.Cause.TOO_LARGE, now);
            if (envelope.endCount() > 0) {
                states.delete(batchId);
            } else {
                states.put(batchId, state.closedAsTooLarge().encode());
            }
        } else if (state.endSeen() && state.received() == state.expected()) {
            decide(batchId, state, BatchDecision.Cause.COMPLETE, now);
            states.delete(batchId);
        } else if (state.endSeen() && state.received() > state.expected()) {
            decide(batchId, state, BatchDecision.Cause.COUNT_MISMATCH, now);
            states.delete(batchId);
        } else {
            states.put(batchId, state.encode());
        }
    }

    /** Rejects every open batch older than the timeout. */
    private void expire(long now) {
        List<KeyValue<String, BatchState>> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = states.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                BatchState state = BatchState.decode(entry.value);
                if (now - state.openedAt() >= settings.timeout().toMillis()) {
                    expired.add(KeyValue.pair(entry.key, state));
                }
            }
        }
        for (KeyValue<String, BatchState> batch : expired) {
            if (!batch.value.closed()) {
                decide(batch.key, batch.value, BatchDecision.Cause.TIMEOUT, now);
            }
            states.delete(batch.key);
        }
    }

    private void decide(String batchId, BatchState state, BatchDecision.Cause cause, long now) {
        List<PendingRecord> pending = new ArrayList<>(state.received());
        List<String> keys = new ArrayList<>(state.received());
        try (KeyValueIterator<String, byte[]> it = records.prefixScan(batchId + SEPARATOR, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                keys.add(entry.key);
                pending.add(PendingRecordCodec.decode(entry.value));
            }
        }
        BatchDecision.Result result = decision.decide(batchId, pending, state, cause, now);
        forward(result.records());
        keys.forEach(records::delete);
        String dataset = validator.dataset().name();
        metrics.batch(dataset, result.report().outcome());
        LOG.info("Zone {} dataset {}: {}", zone, dataset, result.report().message());
    }

    private void forward(List<Outgoing> out) {
        String dataset = validator.dataset().name();
        long now = context.currentSystemTimeMs();
        for (Outgoing o : out) {
            if (o.destination() != Outgoing.Destination.REPORT) {
                // In batch mode a record's verdict is final when its batch is decided: the latency includes the wait for the batch.
                metrics.latency(dataset, now - o.timestamp());
            }
            switch (o.destination()) {
                case STAGING -> {
                    metrics.accepted(dataset);
                    var warned = o.headers().lastHeader(RejectHeaders.WARN_RULES);
                    if (warned != null) {
                        for (String rule : new String(warned.value(), java.nio.charset.StandardCharsets.UTF_8).split(",")) {
                            metrics.warned(dataset, rule);
                        }
                    }
                }
                case REJECTED -> metrics.rejected(dataset, o.reason());
                case REPORT -> {
                }
            }
            context.forward(new Record<>(o.key(), o, o.timestamp(), o.headers() == null ? new RecordHeaders() : o.headers()));
        }
    }

    /** Sequence numbers are zero-padded so that a prefix scan returns a batch's records in arrival order. */
    static String key(String batchId, int sequence) {
        return batchId + SEPARATOR + String.format("%010d", sequence);
    }
}
