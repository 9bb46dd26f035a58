package io.tributary.processors.ods;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import io.tributary.model.AnalyticalSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.FieldMapping;
import io.tributary.model.MappingCompiler;
import io.tributary.processors.rules.CelValues;
import io.tributary.processors.topology.StagingKeys;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.WireFormat;

/**
 * How an entity record (and the records it joins, if any) becomes a fact: the foreign keys it
 * joins by, and the fact's fields by the output's mappings. Thread-safe. A fact that cannot be
 * made is left out (logged and counted): the joiner has no rejected topic to write to.
 */
final class FactMapping {
    private static final Logger LOG = LoggerFactory.getLogger(FactMapping.class);

    private final String zone;
    private final AnalyticalSpec spec;
    /** The entity field holding each join's key, in join order. */
    private final List<String> foreignKeys;
    private final List<FieldFillers.Filler> fillers;
    private final WireDecoder decoder;
    private final int schemaId;
    private final OdsCounters counters;

    FactMapping(String zone, AnalyticalSpec spec, EntitySpec entity, int schemaId, SchemaRegistry registry, OdsCounters counters) {
        this.zone = zone;
        this.spec = spec;
        this.schemaId = schemaId;
        this.counters = counters;
        this.foreignKeys = spec.joins().stream().map(AnalyticalSpec.Join::keyField).toList();
        this.decoder = new WireDecoder(registry, null);
        Map<String, CelType> variables = new LinkedHashMap<>();
        spec.joins().forEach(j -> variables.put(j.name(), SimpleType.DYN));
        MappingCompiler compiler = MappingCompiler.forSource(entity.schema(), variables);
        List<FieldFillers.Filler> list = new ArrayList<>();
        for (FieldMapping mapping : spec.mappings()) {
            list.add(FieldFillers.of(mapping, spec.schema().getField(mapping.target()), entity.schema(), compiler, Map.of()));
        }
        this.fillers = List.copyOf(list);
    }

    /** The key of the {@code join}-th joined record, as text; null when the entity has none. */
    String foreignKey(int join, byte[] entityValue) {
        GenericRecord entity = decoder.decode(entityValue);
        Schema.Field field = entity.getSchema().getField(foreignKeys.get(join));
        byte[] key = field == null ? null : StagingKeys.of(field.schema(), entity.get(field.pos()));
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /**
     * The fact of an entity record and the records its joins found, in join order (null for a join
     * that found none), in the wire format; null if it cannot be made.
     */
    byte[] fact(byte[] entityValue, List<byte[]> joinedValues) {
        GenericRecord entity = decoder.decode(entityValue);
        Map<String, Object> joined = new LinkedHashMap<>();
        for (int i = 0; i < spec.joins().size(); i++) {
            byte[] value = i < joinedValues.size() ? joinedValues.get(i) : null;
            joined.put(spec.joins().get(i).name(), value == null ? NullValue.NULL_VALUE : asCel(decoder.decode(value)));
        }
        LookupVariables variables = new LookupVariables(entity, joined);
        GenericData.Record fact = new GenericData.Record(spec.schema());
        for (int i = 0; i < fillers.size(); i++) {
            FieldMapping mapping = spec.mappings().get(i);
            try {
                fact.put(spec.schema().getField(mapping.target()).pos(), fillers.get(i).fill(entity, Map.of(), variables));
            } catch (Exception e) {
                counters.rejected(zone, spec.name(), spec.from());
                LOG.warn("Zone {} analytical {}: no fact for an {} record: field {} ({}): {}", zone, spec.name(), spec.from(),
                        mapping.target(), FieldFillers.describe(mapping), e.getMessage());
                return null;
            }
        }
        counters.mapped(zone, spec.name(), spec.from());
        return WireFormat.encode(schemaId, spec.schema(), fact);
    }

    private static Object asCel(GenericRecord record) {
        return CelValues.of(record, record.getSchema());
    }
}
