package io.tributary.processors.ods;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import dev.cel.runtime.CelVariableResolver;
import io.tributary.processors.rules.CelValues;

/** A source record's fields and its lookups' values as CEL variables, converted when first read. */
final class LookupVariables implements CelVariableResolver {
    private final GenericRecord record;
    private final Map<String, Object> lookups;
    private final Map<String, Object> converted = new HashMap<>(8);

    /** @param lookups lookup name → CEL value (already converted) */
    LookupVariables(GenericRecord record, Map<String, Object> lookups) {
        this.record = record;
        this.lookups = lookups;
    }

    @Override
    public Optional<Object> find(String name) {
        Object lookup = lookups.get(name);
        if (lookup != null) {
            return Optional.of(lookup);
        }
        Object value = converted.get(name);
        if (value == null) {
            Schema.Field field = record.getSchema().getField(name);
            if (field == null) {
                return Optional.empty();
            }
            value = CelValues.of(record.get(field.pos()), field.schema());
            converted.put(name, value);
        }
        return Optional.of(value);
    }
}
