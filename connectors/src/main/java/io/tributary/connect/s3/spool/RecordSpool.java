package io.tributary.connect.s3.spool;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one open file, kept compactly (their Avro binary bodies with offset, timestamp
 * and schema) until the file is written. They sit in memory chunks that start small (a quiet
 * folder costs a few hundred bytes) and grow to 64 KiB, so a large file is never copied to
 * grow; when the task's memory budget is exceeded the chunks are appended to a local file and
 * freed ({@link #spill()}). Nothing stays open between spills, so thousands of spools cost no
 * file handles.
 *
 * <p>Entry layout: varint offset, timestamp flag byte and zig-zag varint timestamp, varint
 * schema index, varint length, body. An entry never spans two chunks.
 */
public final class RecordSpool {
    private static final int FIRST_CHUNK = 256;
    private static final int CHUNK = 64 * 1024;
    private static final int READ_BUFFER = 64 * 1024;
    /** The most an entry's header can take: four varints and a flag. */
    private static final int HEADER_MAX = 32;

    private final SpoolDirectory directory;
    private final MemoryMeter memory;
    /** Full chunks and their used lengths; the current chunk is {@code chunk}. */
    private final List<byte[]> chunks = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private byte[] chunk = new byte[FIRST_CHUNK];
    private int count;
    private long held;
    private Path file;
    private long fileBytes;

    public RecordSpool(SpoolDirectory directory, MemoryMeter memory) {
        this.directory = directory;
        this.memory = memory;
        held = chunk.length;
        memory.add(held);
    }

    public void append(long offset, Long timestamp, int schemaIndex, byte[] bytes, int bytesOffset, int length) {
        ensure(length + HEADER_MAX);
        byte[] buf = chunk;
        int pos = count;
        pos = writeVarLong(buf, pos, offset);
        if (timestamp == null) {
            buf[pos++] = 0;
        } else {
            buf[pos++] = 1;
            long t = timestamp;
            pos = writeVarLong(buf, pos, (t << 1) ^ (t >> 63));
        }
        pos = writeVarLong(buf, pos, schemaIndex);
        pos = writeVarLong(buf, pos, length);
        System.arraycopy(bytes, bytesOffset, buf, pos, length);
        count = pos + length;
    }

    /** Makes room for an entry of up to {@code more} bytes in the current chunk. */
    private void ensure(int more) {
        if (count + more <= chunk.length) {
            return;
        }
        if (count == 0) {
            grow(Math.max(more, Math.min(CHUNK, chunk.length * 2)));
            return;
        }
        chunks.add(chunk);
        lengths.add(count);
        int size = Math.max(more, Math.min(CHUNK, chunk.length * 2));
        chunk = new byte[size];
        count = 0;
        held += size;
        memory.add(size);
    }

    /** Replaces the empty current chunk by a bigger one. */
    private void grow(int size) {
        held += size - chunk.length;
        memory.add(size - chunk.length);
        chunk = new byte[size];
    }

    private static int writeVarLong(byte[] buf, int pos, long value) {
        long v = value;
        int p = pos;
        while ((v & ~0x7FL) != 0) {
            buf[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[p++] = (byte) v;
        return p;
    }

    /** Bytes of memory this spool holds. */
    public long memoryBytes() {
        return held;
    }

    /** Bytes this spool has written to disk. */
    public long diskBytes() {
        return fileBytes;
    }

    /** Appends the in-memory records to the spool's local file and frees the chunks. */
    public void spill() throws IOException {
        if (chunks.isEmpty() && count == 0) {
            return;
        }
        if (file == null) {
            file = directory.newFile();
        }
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int i = 0; i < chunks.size(); i++) {
                out.write(chunks.get(i), 0, lengths.get(i));
                written += lengths.get(i);
            }
            out.write(chunk, 0, count);
            written += count;
        }
        fileBytes += written;
        directory.diskMeter().add(written);
        chunks.clear();
        lengths.clear();
        memory.add(FIRST_CHUNK - held);
        held = FIRST_CHUNK;
        chunk = new byte[FIRST_CHUNK];
        count = 0;
    }

    /** Reads every record back, in the order appended: first those spilled to disk, then those in memory. */
    public void forEach(SpooledRecordConsumer consumer) throws IOException {
        SpooledRecord record = new SpooledRecord();
        try (Reader reader = reader()) {
            while (reader.next(record)) {
                consumer.accept(record);
            }
        }
    }

    /** A reader of every record, in the order appended; a plain loop over it keeps the hot path shallow. */
    public Reader reader() throws IOException {
        return new Reader(file == null ? null : new BufferedInputStream(Files.newInputStream(file), READ_BUFFER));
    }

    /** Reads the spilled records, then those in memory, chunk by chunk. */
    public final class Reader implements AutoCloseable {
        private final InputStream spilled;
        private final StreamSource disk;
        private boolean onDisk;
        private int chunkIndex;
        private ArraySource memorySource;

        Reader(InputStream spilled) {
            this.spilled = spilled;
            this.disk = spilled == null ? null : new StreamSource(spilled);
            this.onDisk = spilled != null;
        }

        /** Fills {@code record} with the next record; false at the end. */
        public boolean next(SpooledRecord record) throws IOException {
            if (onDisk) {
                if (disk.readEntry(record)) {
                    return true;
                }
                onDisk = false;
            }
            while (true) {
                if (memorySource == null) {
                    if (chunkIndex < chunks.size()) {
                        memorySource = new ArraySource(chunks.get(chunkIndex), lengths.get(chunkIndex));
                    } else if (chunkIndex == chunks.size()) {
                        memorySource = new ArraySource(chunk, count);
                    } else {
                        return false;
                    }
                    chunkIndex++;
                }
                if (memorySource.readEntry(record)) {
                    return true;
                }
                memorySource = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (spilled != null) {
                spilled.close();
            }
        }
    }

    /** Frees memory and deletes the local file; the spool is not used afterwards. */
    public void delete() {
        memory.add(-held);
        held = 0;
        chunks.clear();
        lengths.clear();
        chunk = new byte[0];
        count = 0;
        if (file != null) {
            directory.diskMeter().add(-fileBytes);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The folder is cleaned when the task starts again.
            }
            file = null;
            fileBytes = 0;
        }
    }

    /** Receives the spooled records one by one. */
    @FunctionalInterface
    public interface SpooledRecordConsumer {
        void accept(SpooledRecord record) throws IOException;
    }

    /** Entries from an in-memory chunk, without copying bodies. */
    private static final class ArraySource {
        private final byte[] bytes;
        private final int end;
        private int pos;

        ArraySource(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        boolean readEntry(SpooledRecord r) {
            if (pos >= end) {
                return false;
            }
            r.offset = readVarLong();
            r.hasTimestamp = bytes[pos++] != 0;
            if (r.hasTimestamp) {
                long z = readVarLong();
                r.timestamp = (z >>> 1) ^ -(z & 1);
            }
            r.schemaIndex = (int) readVarLong();
            r.length = (int) readVarLong();
            r.bytes = bytes;
            r.bytesOffset = pos;
            pos += r.length;
            return true;
        }

        private long readVarLong() {
            long value = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[pos++];
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return value;
        }
    }

    /** Entries from a spilled file; bodies are copied into one reused array. */
    private static final class StreamSource {
        private final InputStream in;
        private byte[] body = new byte[1024];

        StreamSource(InputStream in) {
            this.in = in;
        }

        boolean readEntry(SpooledRecord r) throws IOException {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            r.offset = readVarLong(first);
            r.hasTimestamp = next() == 1;
            if (r.hasTimestamp) {
                long z = readVarLong(next());
                r.timestamp = (z >>> 1) ^ -(z & 1);
            }
            r.schemaIndex = (int) readVarLong(next());
            r.length = (int) readVarLong(next());
            if (body.length < r.length) {
                body = new byte[Math.max(r.length, body.length * 2)];
            }
            int read = in.readNBytes(body, 0, r.length);
            if (read < r.length) {
                throw new EOFException("spool file ends inside a record at offset " + r.offset);
            }
            r.bytes = body;
            r.bytesOffset = 0;
            return true;
        }

        private int next() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("spool file ends inside a record header");
            }
            return b;
        }

        private long readVarLong(int firstByte) throws IOException {
            long value = firstByte & 0x7F;
            int shift = 7;
            int b = firstByte;
            while ((b & 0x80) != 0) {
                b = next();
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            }
            return value;
        }
    }
}
