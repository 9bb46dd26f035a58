package io.tributary.processors.ods;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.topology.RejectHeaders;
import io.tributary.processors.validation.RejectReason;
import io.tributary.processors.validation.ValidationOutcome;
import io.tributary.registry.client.RegistryException;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.WireFormatException;

/**
 * Maps each staging record of one dataset to every entity it feeds: decoded once, mapped, encoded
 * in the wire format with the entity's schema id, keyed by business key and sent to the entity's
 * mapped topic. A record a mapping cannot map goes to the dataset's rejected topic, unchanged, with
 * the reason in headers; the pipeline goes on.
 */
final class MapToEntity implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(MapToEntity.class);
    /** Decoded reference records kept per lookup store and task; a bigger table is decoded again after a clear. */
    private static final int DECODED_PER_STORE = 10_000;

    private record Decoded(byte[] bytes, GenericRecord record) {
    }

    private final String zone;
    private final String dataset;
    private final List<OdsTopology.Target> targets;
    private final WireDecoder stagingDecoder;
    private final SchemaRegistry registry;
    private final OdsCounters counters;
    private final RejectLogLimit rejectLog;
    private ProcessorContext<byte[], byte[]> context;
    private LookupTables tables;
    private Map<String, WireDecoder.Encoder> encoders;

    MapToEntity(String zone, String dataset, List<OdsTopology.Target> targets, WireDecoder stagingDecoder, SchemaRegistry registry,
            OdsCounters counters) {
        this.zone = zone;
        this.dataset = dataset;
        this.targets = targets;
        this.stagingDecoder = stagingDecoder;
        this.registry = registry;
        this.counters = counters;
        this.rejectLog = new RejectLogLimit(20);
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        Map<String, KeyValueStore<String, byte[]>> stores = new HashMap<>();
        Map<String, WireDecoder> decoders = new HashMap<>();
        for (OdsTopology.Target target : targets) {
            for (String store : target.mapping().lookupStores()) {
                stores.computeIfAbsent(store, name -> context.getStateStore(name));
                decoders.computeIfAbsent(store, s -> new WireDecoder(registry, null));
            }
        }
        Map<String, Map<String, Decoded>> decoded = new HashMap<>();
        this.tables = (store, key) -> {
            byte[] bytes = stores.get(store).get(key);
            if (bytes == null) {
                return null;
            }
            // Reference data changes rarely and is read for most records: decode a key's record once per value.
            Map<String, Decoded> cache = decoded.computeIfAbsent(store, s -> new HashMap<>());
            Decoded hit = cache.get(key);
            if (hit != null && java.util.Arrays.equals(hit.bytes(), bytes)) {
                return hit.record();
            }
            if (cache.size() >= DECODED_PER_STORE) {
                cache.clear();
            }
            GenericRecord record = decoders.get(store).decode(bytes);
            cache.put(key, new Decoded(bytes, record));
            return record;
        };
        this.encoders = new HashMap<>();
        targets.forEach(t -> encoders.put(t.mapping().entity().name(), new WireDecoder.Encoder(t.schemaId(), t.mapping().entity().schema())));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        GenericRecord value;
        try {
            value = stagingDecoder.decode(record.value());
        } catch (WireFormatException e) {
            rejectForAll(record, source, new MappingFailure(RejectReason.NOT_AVRO, "", "the staging record cannot be read: " + e.getMessage()));
            return;
        } catch (RegistryException e) {
            if (e.status() != 404) {
                // The registry cannot answer now: fail the task, the record is processed again after the restart.
                throw e;
            }
            rejectForAll(record, source, new MappingFailure(RejectReason.UNKNOWN_SCHEMA_ID, "",
                    "the staging record's schema id is not in the registry: " + e.getMessage()));
            return;
        }
        for (OdsTopology.Target target : targets) {
            EntityMapping mapping = target.mapping();
            String entity = mapping.entity().name();
            try {
                EntityMapping.Mapped mapped = mapping.map(value, tables);
                Headers headers = OdsHeaders.mapped(dataset, source.topic(), source.partition(), source.offset(), mapped.version(),
                        mapping.source().priority());
                context.forward(new Record<>(mapped.key(), encoders.get(entity).encode(mapped.value()), record.timestamp(), headers),
                        OdsTopology.mappedSink(entity));
                counters.mapped(zone, entity, dataset);
            } catch (MappingFailure failure) {
                reject(record, source, entity, failure);
            }
        }
    }

    private void rejectForAll(Record<byte[], byte[]> record, RecordMetadata source, MappingFailure failure) {
        for (OdsTopology.Target target : targets) {
            reject(record, source, target.mapping().entity().name(), failure);
        }
    }

    private void reject(Record<byte[], byte[]> record, RecordMetadata source, String entity, MappingFailure failure) {
        counters.rejected(zone, entity, dataset);
        ValidationOutcome.Rejected why = new ValidationOutcome.Rejected(failure.reason(), failure.field(), failure.getMessage());
        Headers headers = RejectHeaders.rejection(record.headers(), why, source.topic(), source.partition(), source.offset());
        OdsHeaders.add(headers, RejectHeaderNames.ODS_ENTITY, entity);
        context.forward(record.withHeaders(headers), OdsTopology.REJECTED_SINK);
        if (rejectLog.allow()) {
            LOG.warn("Zone {} entity {}: rejected {}-{}@{}: {}", zone, entity, source.topic(), source.partition(), source.offset(), why);
        }
    }

    /** Logs at most {@code perMinute} rejections a minute; the rest are counted only. */
    static final class RejectLogLimit {
        private final int perMinute;
        private long minute;
        private int logged;

        RejectLogLimit(int perMinute) {
            this.perMinute = perMinute;
        }

        boolean allow() {
            long now = System.currentTimeMillis() / 60_000;
            if (now != minute) {
                minute = now;
                logged = 0;
            }
            return logged++ < perMinute;
        }
    }
}
