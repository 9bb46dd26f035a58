package io.tributary.processors.topology;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;

/**
 * The key of a staging record: the key field's value as UTF-8 text, in a canonical spelling so
 * that two spellings of one value in the landing JSON ({@code 12.5} and {@code "12.50"}) land on the
 * same partition: decimals in plain notation at the schema's scale, timestamps and dates as their
 * epoch numbers, bytes as base64.
 */
public final class StagingKeys {
    private StagingKeys() {
    }

    /** @return null when the value is null */
    public static byte[] of(Schema fieldSchema, Object value) {
        if (value == null) {
            return null;
        }
        Schema schema = branchOf(fieldSchema, value);
        String text;
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            byte[] unscaled = value instanceof ByteBuffer buffer ? bytes(buffer) : ((GenericFixed) value).bytes();
            text = new BigDecimal(new BigInteger(unscaled), decimal.getScale()).toPlainString();
        } else if (value instanceof ByteBuffer buffer) {
            text = Base64.getEncoder().encodeToString(bytes(buffer));
        } else if (value instanceof GenericFixed fixed) {
            text = Base64.getEncoder().encodeToString(fixed.bytes());
        } else {
            text = value.toString();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Schema branchOf(Schema schema, Object value) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().get(GenericData.get().resolveUnion(schema, value));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
