package io.tributary.processors.validation;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts one record, as a JSON tree, into a {@link GenericRecord} of a dataset's Avro schema,
 * checking that every required field is there and every value has, or can become, the field's
 * type under the dataset's coercion rules. Every landing format arrives here as a tree: JSON as
 * parsed, CSV rows as objects of text, Avro records as trees of their values. The record holds
 * Avro's own representations (epoch longs for timestamps, two's-complement bytes for decimals), so
 * it can be written with a plain {@code GenericDatumWriter}.
 *
 * <p>Fields of the tree that the schema does not declare are ignored. The first problem found, in
 * schema field order, decides the rejection. Thread-safe: it keeps no per-record state.
 */
public final class JsonToAvroConverter {
    private final Schema schema;
    private final ConversionOptions options;

    public JsonToAvroConverter(Schema recordSchema) {
        this(recordSchema, ConversionOptions.STRICT_JSON);
    }

    public JsonToAvroConverter(Schema recordSchema, ConversionOptions options) {
        if (recordSchema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("a dataset schema must be an Avro record, not " + recordSchema.getType());
        }
        this.schema = recordSchema;
        this.options = options;
    }

    public ConversionOptions options() {
        return options;
    }

    public Schema schema() {
        return schema;
    }

    public ValidationOutcome convert(JsonNode json) {
        if (json == null || json.isMissingNode()) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record has no value");
        }
        if (!json.isObject()) {
            return ValidationOutcome.rejected(RejectReason.NOT_AN_OBJECT, "",
                    "expected a JSON object with the fields of " + schema.getFullName() + ", found " + JsonKinds.describe(json));
        }
        try {
            return ValidationOutcome.valid(record(schema, json, FieldPath.ROOT));
        } catch (ConversionException e) {
            return e.toOutcome();
        }
    }

    private GenericRecord record(Schema recordSchema, JsonNode json, FieldPath path) {
        GenericData.Record record = new GenericData.Record(recordSchema);
        for (Schema.Field field : recordSchema.getFields()) {
            FieldPath fieldPath = path.field(field.name());
            JsonNode value = json.get(field.name());
            if (value == null || value.isNull()) {
                record.put(field.pos(), absent(field, value == null, fieldPath));
            } else {
                record.put(field.pos(), value(field.schema(), value, fieldPath));
            }
        }
        return record;
    }

    /**
     * A field that is absent or null. An explicit null stays null where the type allows it;
     * otherwise the field's default applies, else null if nullable, else the field is missing.
     */
    private static Object absent(Schema.Field field, boolean absent, FieldPath path) {
        boolean nullable = acceptsNull(field.schema());
        if (!absent && nullable) {
            return null;
        }
        if (field.hasDefaultValue()) {
            return GenericData.get().getDefaultValue(field);
        }
        if (nullable) {
            return null;
        }
        throw new ConversionException(RejectReason.MISSING_FIELD, path, "required field '" + field.name() + "' ("
                + TypeNames.of(field.schema()) + ") is " + (absent ? "missing" : "null"));
    }

    private Object value(Schema s, JsonNode json, FieldPath path) {
        if (json.isNull()) {
            if (acceptsNull(s)) {
                return null;
            }
            throw wrongType(s, json, path);
        }
        LogicalType logical = s.getLogicalType();
        if (logical != null && LogicalValues.handles(logical)) {
            return LogicalValues.convert(s, logical, json, path, options);
        }
        if (json.isTextual() && options.textTyped() && isStructured(s)) {
            return value(s, NestedJson.parse(s, json, path), path);
        }
        return switch (s.getType()) {
            case NULL -> throw wrongType(s, json, path);
            case BOOLEAN -> TextCoercion.toBoolean(json, path, s, options);
            case INT -> Numbers.toInt(json, path, s, options);
            case LONG -> Numbers.toLong(json, path, s, options);
            case FLOAT -> Numbers.toFloat(json, path, s, options);
            case DOUBLE -> Numbers.toDouble(json, path, s, options);
            case STRING -> TextCoercion.toText(json, path, s, options);
            case BYTES -> ByteBuffer.wrap(base64(s, json, path));
            case FIXED -> {
                byte[] bytes = base64(s, json, path);
                if (bytes.length != s.getFixedSize()) {
                    throw new ConversionException(RejectReason.BAD_VALUE, path, "fixed " + s.getFullName() + " needs "
                            + s.getFixedSize() + " bytes, the base64 text holds " + bytes.length);
                }
                yield new GenericData.Fixed(s, bytes);
            }
            case ENUM -> enumSymbol(s, json, path);
            case ARRAY -> array(s, json, path);
            case MAP -> map(s, json, path);
            case RECORD -> {
                if (!json.isObject()) {
                    throw wrongType(s, json, path);
                }
                yield record(s, json, path);
            }
            case UNION -> union(s, json, path);
        };
    }

    private static boolean isStructured(Schema s) {
        return s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ARRAY || s.getType() == Schema.Type.MAP;
    }

    /** Bytes as base64 text (JSON, CSV) or as binary (from an Avro landing record). */
    private static byte[] base64(Schema s, JsonNode json, FieldPath path) {
        if (json.isBinary()) {
            try {
                return json.binaryValue();
            } catch (java.io.IOException e) {
                throw wrongType(s, json, path);
            }
        }
        if (!json.isTextual()) {
            throw wrongType(s, json, path);
        }
        try {
            return Base64.getDecoder().decode(json.textValue());
        } catch (IllegalArgumentException e) {
            throw new ConversionException(RejectReason.BAD_VALUE, path, "bytes are written as base64 text; "
                    + JsonKinds.quote(json.textValue()) + " is not base64: " + e.getMessage());
        }
    }

    /** A symbol by its exact name; lenient coercion also ignores case and surrounding spaces. */
    private GenericData.EnumSymbol enumSymbol(Schema s, JsonNode json, FieldPath path) {
        if (!json.isTextual()) {
            throw wrongType(s, json, path);
        }
        String symbol = json.textValue();
        if (!s.hasEnumSymbol(symbol) && options.lenient()) {
            String wanted = symbol.strip();
            symbol = s.getEnumSymbols().stream().filter(e -> e.equalsIgnoreCase(wanted)).findFirst().orElse(symbol);
        }
        if (!s.hasEnumSymbol(symbol)) {
            throw new ConversionException(RejectReason.BAD_VALUE, path, JsonKinds.quote(symbol) + " is not a symbol of enum "
                    + s.getName() + " " + s.getEnumSymbols());
        }
        return new GenericData.EnumSymbol(s, symbol);
    }

    private GenericData.Array<Object> array(Schema s, JsonNode json, FieldPath path) {
        if (!json.isArray()) {
            throw wrongType(s, json, path);
        }
        GenericData.Array<Object> array = new GenericData.Array<>(json.size(), s);
        for (int i = 0; i < json.size(); i++) {
            array.add(value(s.getElementType(), json.get(i), path.index(i)));
        }
        return array;
    }

    private Map<String, Object> map(Schema s, JsonNode json, FieldPath path) {
        if (!json.isObject()) {
            throw wrongType(s, json, path);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            map.put(entry.getKey(), value(s.getValueType(), entry.getValue(), path.key(entry.getKey())));
        }
        return map;
    }

    /**
     * A union takes the first branch, in schema order, that the value converts to. When none does,
     * the error of a branch that failed deeper inside the value (a nested record missing a field)
     * or on the value itself (an unknown enum symbol) is more useful than "matches no branch".
     */
    private Object union(Schema s, JsonNode json, FieldPath path) {
        List<Schema> branches = s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
        if (branches.size() == 1) {
            return value(branches.get(0), json, path);
        }
        List<ConversionException> failures = new ArrayList<>();
        for (Schema branch : branches) {
            try {
                return value(branch, json, path);
            } catch (ConversionException e) {
                failures.add(e);
            }
        }
        int depth = path.depth();
        for (ConversionException e : failures) {
            if (e.path().depth() > depth) {
                throw e;
            }
        }
        for (ConversionException e : failures) {
            if (e.reason() == RejectReason.BAD_VALUE || e.reason() == RejectReason.OUT_OF_RANGE) {
                throw e;
            }
        }
        throw new ConversionException(RejectReason.WRONG_TYPE, path, "expected one of "
                + branches.stream().map(TypeNames::of).collect(Collectors.joining(", ", "[", "]"))
                + ", found " + JsonKinds.describe(json));
    }

    static boolean acceptsNull(Schema s) {
        return switch (s.getType()) {
            case NULL -> true;
            case UNION -> s.getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
            default -> false;
        };
    }

    static ConversionException wrongType(Schema s, JsonNode json, FieldPath path) {
        return new ConversionException(RejectReason.WRONG_TYPE, path, "expected " + TypeNames.of(s) + ", found "
                + JsonKinds.describe(json));
    }
}
