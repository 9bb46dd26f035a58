package io.tributary.processors.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import dev.cel.runtime.CelVariableResolver;

/**
 * A record's top-level fields as CEL variables, converted when a rule first reads them and then
 * kept for the record's other rules: rules usually read a few fields of many.
 */
final class RecordVariables implements CelVariableResolver {
    private final GenericRecord record;
    private final Map<String, Object> converted = new HashMap<>(8);

    RecordVariables(GenericRecord record) {
        this.record = record;
    }

    @Override
    public Optional<Object> find(String name) {
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
