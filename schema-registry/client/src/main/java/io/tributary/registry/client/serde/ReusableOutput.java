package io.tributary.registry.client.serde;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that one thread reuses record after record. Unlike
 * {@link java.io.ByteArrayOutputStream} its writes are not synchronised and its buffer is not
 * allocated anew for every record: on the hot path only the result is copied out.
 */
final class ReusableOutput extends OutputStream {
    private static final int MAX_KEPT = 1 << 20;

    private byte[] buffer = new byte[256];
    private int count;

    void reset() {
        if (buffer.length > MAX_KEPT) {
            buffer = new byte[256]; // do not keep a huge record's buffer for ever
        }
        count = 0;
    }

    @Override
    public void write(int b) {
        ensure(count + 1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        ensure(count + length);
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    /** Writes Confluent's header: magic byte 0 and the schema id, 4 bytes big-endian. */
    void writeHeader(int schemaId) {
        ensure(count + 5);
        buffer[count] = 0;
        buffer[count + 1] = (byte) (schemaId >>> 24);
        buffer[count + 2] = (byte) (schemaId >>> 16);
        buffer[count + 3] = (byte) (schemaId >>> 8);
        buffer[count + 4] = (byte) schemaId;
        count += 5;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, count);
    }

    private void ensure(int capacity) {
        if (capacity > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
        }
    }
}
