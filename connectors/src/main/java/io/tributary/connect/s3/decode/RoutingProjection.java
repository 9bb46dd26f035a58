package io.tributary.connect.s3.decode;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Reads only the fields the sink routes by (event time, partition values) out of an Avro body
 * and steps over the rest. The whole body is still walked, so bytes that do not match their
 * schema are caught here, while the record can still go to the dead-letter queue; the full
 * decode happens once, when the file is written. Stepping over a value follows the writer
 * schema on the byte array itself (varints and lengths), which costs a fraction of decoding.
 */
public final class RoutingProjection {
    private final List<String> fields;
    private final Map<Schema, Plan> plans = new IdentityHashMap<>();
    /** Consecutive records mostly share a writer schema. */
    private Schema lastWriter;
    private Plan lastPlan;
    private BinaryDecoder decoder;

    /** @param fields top-level fields to keep; may be empty (then the body is only checked) */
    public RoutingProjection(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    public GenericRecord read(Schema writer, byte[] bytes, int offset, int length) throws IOException {
        Plan plan = lastPlan;
        if (writer != lastWriter) {
            plan = plans.computeIfAbsent(writer, this::plan);
            lastWriter = writer;
            lastPlan = plan;
        }
        GenericRecord routing = new GenericData.Record(plan.projection);
        Cursor cursor = new Cursor(bytes, offset, offset + length);
        for (Step step : plan.steps) {
            if (step.target < 0) {
                skip(step.schema, cursor);
            } else if (step.reader == null) {
                routing.put(step.target, readSimple(step.schema, cursor));
            } else {
                int start = cursor.pos;
                skip(step.schema, cursor);
                decoder = DecoderFactory.get().binaryDecoder(bytes, start, cursor.pos - start, decoder);
                routing.put(step.target, step.reader.read(null, decoder));
            }
        }
        return routing;
    }

    /** For each field of the writer schema: step over it, or also read it into the projection. */
    private Plan plan(Schema writer) {
        List<Schema.Field> kept = new ArrayList<>();
        for (String name : fields) {
            Schema.Field f = writer.getField(name);
            if (f != null) {
                kept.add(new Schema.Field(f.name(), f.schema(), null, (Object) null));
            }
        }
        Schema projection = Schema.createRecord(writer.getName(), null, writer.getNamespace(), false, kept);
        Step[] steps = new Step[writer.getFields().size()];
        for (Schema.Field f : writer.getFields()) {
            Schema.Field target = projection.getField(f.name());
            steps[f.pos()] = target == null ? new Step(f.schema(), -1, null)
                    : new Step(f.schema(), target.pos(), isSimple(f.schema()) ? null : new GenericDatumReader<>(f.schema()));
        }
        return new Plan(projection, steps);
    }

    private record Plan(Schema projection, Step[] steps) {
    }

    private record Step(Schema schema, int target, GenericDatumReader<Object> reader) {
    }

    /** A position in an Avro body. */
    static final class Cursor {
        final byte[] bytes;
        int pos;
        final int end;

        Cursor(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        /** Avro's zig-zag varint. */
        long readLong() throws EOFException {
            long raw = 0;
            int shift = 0;
            int b;
            do {
                if (pos >= end) {
                    throw new EOFException("the value ends inside a number");
                }
                if (shift > 63) {
                    throw new AvroRuntimeException("a varint longer than 10 bytes");
                }
                b = bytes[pos++] & 0xFF;
                raw |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return (raw >>> 1) ^ -(raw & 1);
        }

        void advance(long n) throws EOFException {
            if (n < 0) {
                throw new AvroRuntimeException("negative length " + n);
            }
            if (n > end - pos) {
                throw new EOFException("the value ends " + (n - (end - pos)) + " byte(s) early");
            }
            pos += (int) n;
        }
    }

    /** Types read straight off the bytes: the usual event-time and partition fields, nullable or not. */
    private static boolean isSimple(Schema schema) {
        return switch (schema.getType()) {
            case INT, LONG, STRING, BOOLEAN, ENUM -> true;
            case UNION -> schema.getTypes().stream().allMatch(t -> t.getType() == Schema.Type.NULL || isSimple(t));
            default -> false;
        };
    }

    /** A value of a simple type, as Avro's generic reader would give it. */
    private static Object readSimple(Schema schema, Cursor in) throws IOException {
        switch (schema.getType()) {
            case INT:
                return (int) in.readLong();
            case LONG:
                return in.readLong();
            case BOOLEAN:
                in.advance(1);
                return in.bytes[in.pos - 1] != 0;
            case STRING: {
                long length = in.readLong();
                int start = in.pos;
                in.advance(length);
                return new Utf8(Arrays.copyOfRange(in.bytes, start, in.pos));
            }
            case ENUM: {
                long symbol = in.readLong();
                if (symbol < 0 || symbol >= schema.getEnumSymbols().size()) {
                    throw new AvroRuntimeException("enum " + schema.getFullName() + " has no symbol " + symbol);
                }
                return new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get((int) symbol));
            }
            case UNION: {
                long branch = in.readLong();
                if (branch < 0 || branch >= schema.getTypes().size()) {
                    throw new AvroRuntimeException("union has no branch " + branch);
                }
                Schema chosen = schema.getTypes().get((int) branch);
                return chosen.getType() == Schema.Type.NULL ? null : readSimple(chosen, in);
            }
            default:
                throw new IllegalStateException("not a simple type: " + schema);
        }
    }

    /** Moves past one value of {@code schema}, checking what can be checked without building it. */
    static void skip(Schema schema, Cursor in) throws IOException {
        switch (schema.getType()) {
            case NULL -> {
                // no bytes
            }
            case BOOLEAN -> in.advance(1);
            case INT, LONG -> in.readLong();
            case FLOAT -> in.advance(4);
            case DOUBLE -> in.advance(8);
            case STRING, BYTES -> in.advance(in.readLong());
            case FIXED -> in.advance(schema.getFixedSize());
            case ENUM -> {
                long symbol = in.readLong();
                if (symbol < 0 || symbol >= schema.getEnumSymbols().size()) {
                    throw new AvroRuntimeException("enum " + schema.getFullName() + " has no symbol " + symbol);
                }
            }
            case UNION -> {
                long branch = in.readLong();
                if (branch < 0 || branch >= schema.getTypes().size()) {
                    throw new AvroRuntimeException("union has no branch " + branch);
                }
                skip(schema.getTypes().get((int) branch), in);
            }
            case RECORD -> {
                for (Schema.Field f : schema.getFields()) {
                    skip(f.schema(), in);
                }
            }
            case ARRAY, MAP -> {
                for (long n = blockCount(in); n != 0; n = blockCount(in)) {
                    for (long i = 0; i < n; i++) {
                        if (schema.getType() == Schema.Type.MAP) {
                            in.advance(in.readLong());
                            skip(schema.getValueType(), in);
                        } else {
                            skip(schema.getElementType(), in);
                        }
                    }
                }
            }
        }
    }

    /** Items in the next block of an array or map; a negative count is followed by the block's size in bytes. */
    private static long blockCount(Cursor in) throws IOException {
        long n = in.readLong();
        if (n < 0) {
            in.readLong();
            return -n;
        }
        return n;
    }
}
