package io.tributary.processors.ods;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An entity record and the records its joins found so far, as one value, between the foreign-key
 * joins of a fact with several joins (Kafka Streams joins two tables at a time). Each part is the
 * record's wire-format bytes, or absent when its join found nothing: a count, then per part its
 * length (-1 for absent) and bytes.
 */
final class JoinedValues {
    private JoinedValues() {
    }

    /** The entity record and the first join's record (null when that join found none). */
    static byte[] of(byte[] entity, byte[] joined) {
        List<byte[]> parts = new ArrayList<>(2);
        parts.add(entity);
        parts.add(joined);
        return encode(parts);
    }

    /** {@code value} with one more joined record (null when the join found none). */
    static byte[] append(byte[] value, byte[] joined) {
        List<byte[]> parts = new ArrayList<>(decode(value));
        parts.add(joined);
        return encode(parts);
    }

    /** The entity record of a joined value. */
    static byte[] entity(byte[] value) {
        return decode(value).get(0);
    }

    /** The entity record first, then each join's record (null entries for joins that found none). */
    static List<byte[]> decode(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        int count = in.getInt();
        List<byte[]> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.getInt();
            if (length < 0) {
                parts.add(null);
            } else {
                byte[] part = new byte[length];
                in.get(part);
                parts.add(part);
            }
        }
        return Collections.unmodifiableList(parts);
    }

    private static byte[] encode(List<byte[]> parts) {
        int size = 4;
        for (byte[] part : parts) {
            size += 4 + (part == null ? 0 : part.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(parts.size());
        for (byte[] part : parts) {
            out.putInt(part == null ? -1 : part.length);
            if (part != null) {
                out.put(part);
            }
        }
        return out.array();
    }
}
