package io.tributary.processors.ods;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.common.types.CelType;
import io.tributary.model.AvroTypes;
import io.tributary.model.ConstantValues;
import io.tributary.model.EntitySource;
import io.tributary.model.EntitySpec;
import io.tributary.model.FieldMapping;
import io.tributary.model.LookupSpec;
import io.tributary.model.LookupTarget;
import io.tributary.model.MappingCompiler;
import io.tributary.model.MissPolicy;
import io.tributary.model.RuleTypes;
import io.tributary.model.VersionSpec;
import io.tributary.processors.ods.spi.RecordRejected;
import io.tributary.processors.ods.spi.RecordTransformer;
import io.tributary.processors.ods.spi.TransformContext;
import io.tributary.processors.rules.CelValues;
import io.tributary.processors.topology.StagingKeys;
import io.tributary.processors.validation.RejectReason;
import io.tributary.registry.client.WireFormatException;

/**
 * How the records of one source dataset become records of one entity, compiled once: lookups,
 * then one filler per entity field (copy, cast, expression, constant, lookup, default), then the
 * business key and the version. Thread-safe: it keeps no state between records.
 */
public final class EntityMapping {
    private final String zone;
    private final EntitySpec entity;
    private final EntitySource source;
    private final Schema sourceSchema;
    private final List<Lookup> lookups;
    private final List<FieldFillers.Filler> fillers;
    private final Schema.Field keyField;
    private final Schema.Field versionField;
    private final OdsCounters counters;
    private final RecordTransformer transformer;
    private final TransformContext transformContext;

    /** A compiled lookup: where to look, what to read, what to do on a miss. */
    record Lookup(LookupSpec spec, Schema.Field sourceKey, String storeName, Schema valueSchema, Object defaultValue) {
    }

    /** The mapped record: key (business key as text), value, version. */
    public record Mapped(byte[] key, GenericRecord value, long version) {
    }

    /**
     * @param targets     the resolved target of each of the source's lookups, by lookup name
     * @param transformer the source's record transformer, or null
     */
    public EntityMapping(String zone, EntitySpec entity, EntitySource source, Schema sourceSchema, Map<String, LookupTarget> targets,
            RecordTransformer transformer, OdsCounters counters) {
        this.zone = zone;
        this.transformer = transformer;
        this.transformContext = new TransformContext(zone, entity.name(), source.dataset());
        this.entity = entity;
        this.source = source;
        this.sourceSchema = sourceSchema;
        this.counters = counters;
        List<Lookup> compiledLookups = new ArrayList<>();
        Map<String, CelType> variables = new HashMap<>();
        for (LookupSpec spec : source.lookups()) {
            LookupTarget target = targets.get(spec.name());
            Schema valueSchema = target.schema().getField(spec.valueField()).schema();
            Object defaultValue = spec.onMiss() == MissPolicy.DEFAULT ? ConstantValues.parse(spec.defaultValue(), valueSchema) : null;
            compiledLookups.add(new Lookup(spec, sourceSchema.getField(spec.keyField()), storeName(target.topic()), valueSchema, defaultValue));
            variables.put(spec.name(), RuleTypes.of(spec.onMiss() == MissPolicy.NULL ? AvroTypes.nullable(valueSchema) : valueSchema));
        }
        this.lookups = List.copyOf(compiledLookups);
        MappingCompiler compiler = MappingCompiler.forSource(sourceSchema, variables);
        Map<String, Schema> lookupSchemas = new HashMap<>();
        compiledLookups.forEach(l -> lookupSchemas.put(l.spec().name(), l.valueSchema()));
        List<FieldFillers.Filler> list = new ArrayList<>();
        for (FieldMapping mapping : source.mappings()) {
            list.add(FieldFillers.of(mapping, entity.schema().getField(mapping.target()), sourceSchema, compiler, lookupSchemas));
        }
        this.fillers = List.copyOf(list);
        this.keyField = entity.schema().getField(entity.keyField());
        this.versionField = entity.schema().getField(entity.version().field());
    }

    /** The name of the global store holding a lookup target topic. */
    public static String storeName(String topic) {
        return "lookup-" + topic;
    }

    public EntitySpec entity() {
        return entity;
    }

    public EntitySource source() {
        return source;
    }

    public List<String> lookupStores() {
        return lookups.stream().map(Lookup::storeName).distinct().toList();
    }

    public Mapped map(GenericRecord record, LookupTables tables) throws MappingFailure {
        Map<String, Object> lookupValues = new HashMap<>(4);
        Map<String, Object> celLookups = new HashMap<>(4);
        for (Lookup lookup : lookups) {
            Object value = lookup(lookup, record, tables);
            lookupValues.put(lookup.spec().name(), value);
            celLookups.put(lookup.spec().name(), CelValues.of(value, lookup.valueSchema()));
        }
        LookupVariables variables = new LookupVariables(record, celLookups);
        GenericRecord out = new GenericData.Record(entity.schema());
        for (int i = 0; i < fillers.size(); i++) {
            FieldMapping mapping = source.mappings().get(i);
            Schema.Field field = entity.schema().getField(mapping.target());
            try {
                out.put(field.pos(), fillers.get(i).fill(record, lookupValues, variables));
            } catch (MappingFailure e) {
                throw e;
            } catch (CelEvaluationException e) {
                throw new MappingFailure(RejectReason.MAPPING_FAILED, mapping.target(), "entity " + entity.name() + " field "
                        + mapping.target() + ": the expression cannot be evaluated for this record: " + e.getMessage());
            } catch (Exception e) {
                throw new MappingFailure(RejectReason.MAPPING_FAILED, mapping.target(), "entity " + entity.name() + " field "
                        + mapping.target() + " (" + FieldFillers.describe(mapping) + "): " + e.getMessage());
            }
        }
        if (transformer != null) {
            out = transform(record, out);
        }
        Object keyValue = out.get(keyField.pos());
        byte[] key = StagingKeys.of(keyField.schema(), keyValue);
        if (key == null) {
            throw new MappingFailure(RejectReason.MISSING_FIELD, keyField.name(), "entity " + entity.name() + ": the business key "
                    + keyField.name() + " is null; ods records are keyed by it");
        }
        Object version = out.get(versionField.pos());
        if (version == null) {
            throw new MappingFailure(RejectReason.MISSING_VERSION, versionField.name(), "entity " + entity.name() + ": the version "
                    + (entity.version().kind() == VersionSpec.Kind.EVENT_TIME ? "(event time) " : "") + versionField.name() + " is null");
        }
        return new Mapped(key, out, ((Number) version).longValue());
    }

    private GenericRecord transform(GenericRecord record, GenericRecord mapped) throws MappingFailure {
        String name = transformer.name();
        GenericRecord result;
        try {
            result = transformer.transform(record, mapped, transformContext);
        } catch (RecordRejected e) {
            throw new MappingFailure(RejectReason.MAPPING_FAILED, e.field(), "transformer " + name + " rejected the record: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MappingFailure(RejectReason.MAPPING_FAILED, "", "transformer " + name + " failed: " + e);
        }
        if (result == null || !result.getSchema().equals(entity.schema()) || !GenericData.get().validate(entity.schema(), result)) {
            throw new MappingFailure(RejectReason.MAPPING_FAILED, "", "transformer " + name + " returned "
                    + (result == null ? "null" : "a record that is not a valid " + entity.schema().getFullName()));
        }
        return result;
    }

    private Object lookup(Lookup lookup, GenericRecord record, LookupTables tables) throws MappingFailure {
        LookupSpec spec = lookup.spec();
        byte[] keyBytes = StagingKeys.of(lookup.sourceKey().schema(), record.get(lookup.sourceKey().pos()));
        String key = keyBytes == null ? null : new String(keyBytes, StandardCharsets.UTF_8);
        GenericRecord found;
        try {
            found = key == null ? null : tables.find(lookup.storeName(), key);
        } catch (WireFormatException e) {
            throw new MappingFailure(RejectReason.MAPPING_FAILED, spec.keyField(), "lookup " + spec.name() + ": the record of "
                    + spec.reference() + " with key '" + key + "' cannot be read: " + e.getMessage());
        }
        if (found != null) {
            Schema.Field field = found.getSchema().getField(spec.valueField());
            return field == null ? null : AvroConversions.assign(found.get(field.pos()), field.schema(), lookup.valueSchema());
        }
        counters.lookupMissed(zone, entity.name(), spec.name());
        return switch (spec.onMiss()) {
            case REJECT -> throw new MappingFailure(RejectReason.LOOKUP_MISSED, spec.keyField(), "lookup " + spec.name() + ": "
                    + spec.reference() + " has no record with key " + (key == null ? "null" : "'" + key + "'") + " (source field "
                    + spec.keyField() + ")");
            case NULL -> null;
            case DEFAULT -> lookup.defaultValue();
        };
    }
}
