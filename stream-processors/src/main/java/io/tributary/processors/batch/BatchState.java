package io.tributary.processors.batch;

/**
 * What is known of an open batch.
 *
 * @param openedAt  wall-clock time its first record arrived (ms); the timeout counts from here
 * @param received  records received so far
 * @param expected  records the end marker announced, -1 before it arrived
 * @param rejected  records whose own verdict is a rejection
 * @param failsBatch a {@code fail-batch} rule failed for one of them
 * @param closed    the batch was already rejected as too large; later records follow it into rejected
 */
public record BatchState(long openedAt, int received, int expected, int rejected, boolean failsBatch, boolean closed) {

    public static BatchState opened(long now) {
        return new BatchState(now, 0, -1, 0, false, false);
    }

    public BatchState add(boolean recordRejected, boolean recordFailsBatch) {
        return new BatchState(openedAt, received + 1, expected, rejected + (recordRejected ? 1 : 0), failsBatch || recordFailsBatch,
                closed);
    }

    public BatchState expecting(int count) {
        return new BatchState(openedAt, received, count, rejected, failsBatch, closed);
    }

    public BatchState closedAsTooLarge() {
        return new BatchState(openedAt, received, expected, rejected, failsBatch, true);
    }

    public boolean endSeen() {
        return expected >= 0;
    }

    public byte[] encode() {
        return Bytes.write(out -> {
            out.writeByte(1);
            out.writeLong(openedAt);
            out.writeInt(received);
            out.writeInt(expected);
            out.writeInt(rejected);
            out.writeBoolean(failsBatch);
            out.writeBoolean(closed);
        });
    }

    public static BatchState decode(byte[] bytes) {
        return Bytes.read(bytes, in -> {
            in.readByte();
            return new BatchState(in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean(), in.readBoolean());
        });
    }
}
