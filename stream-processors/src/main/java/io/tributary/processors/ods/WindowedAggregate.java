package io.tributary.processors.ods;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.tributary.model.AggregateSpec;
import io.tributary.model.AvroTypes;
import io.tributary.registry.client.WireFormat;

/**
 * Maintains the rows of a windowed aggregate from an entity's ods change log, exactly under
 * updates: each entity key's current contribution is remembered, so a newer version first leaves
 * its old row (which is emitted again) and then joins its new one. A record whose window closed
 * (its end plus the grace period is at or before the greatest event time seen) is left out and
 * counted as late; a closed window's row is final. Rows are keyed {@code <group values>|<window start>}.
 */
final class WindowedAggregate implements Processor<String, byte[], String, byte[]> {
    /** The greatest event time seen, kept in the contributions store (entity keys there start with "k"). */
    private static final String STREAM_TIME = "t";

    private final String zone;
    private final String name;
    private final String entityName;
    private final AggregateSpec spec;
    private final Schema rowSchema;
    private final int schemaId;
    private final AggregateState state;
    private final WireDecoder decoder;
    private final OdsCounters counters;
    private final String[] storeNames;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<Bytes, byte[]> contributions;
    private KeyValueStore<String, byte[]> rows;

    WindowedAggregate(String zone, String name, String entityName, AggregateSpec spec, Schema rowSchema, int schemaId, AggregateState state,
            WireDecoder decoder, OdsCounters counters, String contributionsStore, String rowsStore) {
        this.zone = zone;
        this.name = name;
        this.entityName = entityName;
        this.spec = spec;
        this.rowSchema = rowSchema;
        this.schemaId = schemaId;
        this.state = state;
        this.decoder = decoder;
        this.counters = counters;
        this.storeNames = new String[] {contributionsStore, rowsStore};
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.contributions = context.getStateStore(storeNames[0]);
        this.rows = context.getStateStore(storeNames[1]);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        // Entity keys are prefixed so that no business key can be the stream-time entry's key.
        Bytes key = Bytes.wrap(("k" + record.key()).getBytes(StandardCharsets.UTF_8));
        GenericRecord entity = record.value() == null ? null : decoder.decode(record.value());
        Object time = entity == null ? null : entity.get(spec.timeField());
        long streamTime = streamTime();
        GenericRecord next = null;
        if (entity != null && time != null) {
            long eventTime = millis(((Number) time).longValue(), entity.getSchema().getField(spec.timeField()).schema());
            long windowStart = Math.floorDiv(eventTime, spec.size().toMillis()) * spec.size().toMillis();
            if (closed(windowStart, streamTime)) {
                counters.dropped(zone, name);
                return;
            }
            next = contribution(entity, windowStart);
            setStreamTime(Math.max(streamTime, eventTime));
        }
        byte[] previousBytes = contributions.get(key);
        if (previousBytes != null) {
            GenericRecord previous = state.readContribution(previousBytes);
            if (!closed((Long) previous.get("window_start"), streamTime)) {
                apply(previous, -1, record.timestamp());
            }
        }
        if (next == null) {
            contributions.delete(key);
        } else {
            contributions.put(key, state.write(next));
            apply(next, +1, record.timestamp());
            counters.mapped(zone, name, entityName);
        }
    }

    private boolean closed(long windowStart, long streamTime) {
        return streamTime != Long.MIN_VALUE && windowStart + spec.size().toMillis() + spec.grace().toMillis() <= streamTime;
    }

    private GenericRecord contribution(GenericRecord entity, long windowStart) {
        GenericRecord group = new GenericData.Record(state.group);
        for (String field : spec.groupBy()) {
            group.put(field, entity.get(field));
        }
        List<Double> values = new ArrayList<>();
        for (AggregateSpec.Measure m : spec.measures()) {
            values.add(m.field() == null ? null : number(entity.get(m.field()), entity.getSchema().getField(m.field()).schema()));
        }
        GenericRecord c = new GenericData.Record(state.contribution);
        c.put("window_start", windowStart);
        c.put("group", group);
        c.put("values", values);
        return c;
    }

    /** Adds ({@code sign} +1) or removes (-1) a contribution from its row, and emits the row (a tombstone when it is empty). */
    @SuppressWarnings("unchecked")
    private void apply(GenericRecord contribution, int sign, long timestamp) {
        long windowStart = (Long) contribution.get("window_start");
        GenericRecord group = (GenericRecord) contribution.get("group");
        String rowKey = rowKey(group, windowStart);
        byte[] bytes = rows.get(rowKey);
        GenericRecord acc = bytes == null ? state.emptyAccumulator(windowStart, group, spec.measures().size()) : state.readAccumulator(bytes);
        acc.put("records", (Long) acc.get("records") + sign);
        List<Double> sums = new ArrayList<>((List<Double>) acc.get("sums"));
        List<Long> counts = new ArrayList<>((List<Long>) acc.get("counts"));
        List<Map<?, Long>> values = new ArrayList<>((List<Map<?, Long>>) acc.get("values"));
        List<Double> measured = (List<Double>) contribution.get("values");
        for (int i = 0; i < spec.measures().size(); i++) {
            Double v = measured.get(i);
            if (v == null) {
                continue;
            }
            sums.set(i, sums.get(i) + sign * v);
            counts.set(i, counts.get(i) + sign);
            AggregateSpec.Function f = spec.measures().get(i).function();
            if (f == AggregateSpec.Function.MIN || f == AggregateSpec.Function.MAX) {
                Map<Object, Long> multiset = new java.util.HashMap<>();
                values.get(i).forEach((k, n) -> multiset.put(k.toString(), n));
                String k = Double.toString(v);
                long n = multiset.getOrDefault(k, 0L) + sign;
                if (n <= 0) {
                    multiset.remove(k);
                } else {
                    multiset.put(k, n);
                }
                values.set(i, (Map<?, Long>) (Map<?, ?>) multiset);
            }
        }
        acc.put("sums", sums);
        acc.put("counts", counts);
        acc.put("values", values);
        long revision = (Long) acc.get("revision") + 1;
        acc.put("revision", revision);
        if ((Long) acc.get("records") <= 0) {
            // Emptied, kept as an empty accumulator with its revision: a row that comes back must sort after its older versions.
            GenericRecord emptied = state.emptyAccumulator(windowStart, group, spec.measures().size());
            emptied.put("revision", revision);
            rows.put(rowKey, state.write(emptied));
            context.forward(new Record<>(rowKey, null, timestamp));
            return;
        }
        rows.put(rowKey, state.write(acc));
        context.forward(new Record<>(rowKey, WireFormat.encode(schemaId, rowSchema, row(acc, group, windowStart)), timestamp));
    }

    @SuppressWarnings("unchecked")
    private GenericRecord row(GenericRecord acc, GenericRecord group, long windowStart) {
        GenericRecord row = new GenericData.Record(rowSchema);
        row.put("window_start", windowStart);
        row.put("window_end", windowStart + spec.size().toMillis());
        row.put("revision", acc.get("revision"));
        for (String field : spec.groupBy()) {
            row.put(field, group.get(field));
        }
        List<Double> sums = (List<Double>) acc.get("sums");
        List<Long> counts = (List<Long>) acc.get("counts");
        List<Map<?, Long>> values = (List<Map<?, Long>>) acc.get("values");
        for (int i = 0; i < spec.measures().size(); i++) {
            AggregateSpec.Measure m = spec.measures().get(i);
            long n = counts.get(i);
            Object value = switch (m.function()) {
                case COUNT -> acc.get("records");
                case SUM -> n == 0 ? null : sums.get(i);
                case AVG -> n == 0 ? null : sums.get(i) / n;
                case MIN -> values.get(i).keySet().stream().map(k -> Double.parseDouble(k.toString())).min(Double::compare).orElse(null);
                case MAX -> values.get(i).keySet().stream().map(k -> Double.parseDouble(k.toString())).max(Double::compare).orElse(null);
            };
            row.put(m.name(), value);
        }
        return row;
    }

    private static String rowKey(GenericRecord group, long windowStart) {
        StringBuilder key = new StringBuilder();
        for (Schema.Field f : group.getSchema().getFields()) {
            key.append(group.get(f.pos())).append('|');
        }
        return key.append(Instant.ofEpochMilli(windowStart)).toString();
    }

    private long streamTime() {
        byte[] bytes = contributions.get(Bytes.wrap(STREAM_TIME.getBytes(StandardCharsets.UTF_8)));
        return bytes == null ? Long.MIN_VALUE : ByteBuffer.wrap(bytes).getLong();
    }

    private void setStreamTime(long time) {
        contributions.put(Bytes.wrap(STREAM_TIME.getBytes(StandardCharsets.UTF_8)), ByteBuffer.allocate(8).putLong(time).array());
    }

    private static long millis(long value, Schema schema) {
        Schema s = AvroTypes.nonNull(schema);
        return s.getLogicalType() != null && s.getLogicalType().getName().equals("timestamp-micros") ? Math.floorDiv(value, 1_000L) : value;
    }

    private static Double number(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        Schema s = AvroTypes.nonNull(schema);
        if (s.getLogicalType() instanceof LogicalTypes.Decimal d) {
            BigDecimal decimal = value instanceof ByteBuffer b ? new Conversions.DecimalConversion().fromBytes(b.duplicate(), s, d)
                    : new Conversions.DecimalConversion().fromFixed((GenericFixed) value, s, d);
            return decimal.doubleValue();
        }
        return ((Number) value).doubleValue();
    }
}
