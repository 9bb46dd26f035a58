package io.tributary.processors.ods;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import dev.cel.runtime.CelRuntime;
import io.tributary.model.ConstantValues;
import io.tributary.model.FieldMapping;
import io.tributary.model.MappingCompiler;

/** Compiles one {@link FieldMapping} into a function giving the field's value for a record; shared by entities and facts. */
final class FieldFillers {
    private FieldFillers() {
    }

    /** The value of one field for one record. */
    @FunctionalInterface
    interface Filler {
        /**
         * @param lookupValues lookup name → Avro value
         * @param variables    the record's fields and the lookups (or joined records) as CEL variables
         */
        Object fill(GenericRecord source, Map<String, Object> lookupValues, LookupVariables variables) throws Exception;
    }

    /** @param lookupSchemas lookup name → the schema of the value it gives */
    static Filler of(FieldMapping mapping, Schema.Field target, Schema sourceSchema, MappingCompiler compiler,
            Map<String, Schema> lookupSchemas) {
        Schema to = target.schema();
        if (mapping instanceof FieldMapping.Copy copy) {
            Schema.Field from = sourceSchema.getField(copy.from());
            if (copy.cast().isPresent()) {
                return (record, lookups, vars) -> AvroConversions.cast(record.get(from.pos()), from.schema(), to);
            }
            return (record, lookups, vars) -> AvroConversions.assign(record.get(from.pos()), from.schema(), to);
        }
        if (mapping instanceof FieldMapping.Derive derive) {
            CelRuntime.Program program = compiler.program(compiler.compile(derive.expression()));
            return (record, lookups, vars) -> AvroConversions.fromCel(program.eval(vars), to);
        }
        if (mapping instanceof FieldMapping.Constant constant) {
            Object value = ConstantValues.parse(constant.value(), to);
            return (record, lookups, vars) -> value;
        }
        if (mapping instanceof FieldMapping.FromLookup fromLookup) {
            Schema valueSchema = lookupSchemas.get(fromLookup.lookup());
            return (record, lookups, vars) -> AvroConversions.assign(lookups.get(fromLookup.lookup()), valueSchema, to);
        }
        Object defaultValue = target.hasDefaultValue() ? GenericData.get().getDefaultValue(target) : null;
        return (record, lookups, vars) -> defaultValue == null ? null : GenericData.get().deepCopy(to, defaultValue);
    }

    static String describe(FieldMapping mapping) {
        if (mapping instanceof FieldMapping.Copy copy) {
            return "from " + copy.from() + copy.cast().map(c -> ", cast " + c).orElse("");
        }
        if (mapping instanceof FieldMapping.Derive derive) {
            return "expression " + derive.expression();
        }
        if (mapping instanceof FieldMapping.Constant constant) {
            return "constant " + constant.value();
        }
        if (mapping instanceof FieldMapping.FromLookup lookup) {
            return "lookup " + lookup.lookup();
        }
        return "default";
    }
}
