package io.tributary.processors.ods;

import java.nio.ByteBuffer;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The index in a (changelogged) key-value state store: 12 bytes per key (version, priority). Kafka
 * Streams restores it from its changelog, and under exactly-once the store and the output commit together.
 */
final class StoreVersionIndex implements VersionIndex {
    private final KeyValueStore<Bytes, byte[]> store;

    StoreVersionIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    static VersionIndex.Opener opener(String storeName) {
        return context -> new StoreVersionIndex(context.getStateStore(storeName));
    }

    @Override
    public boolean advance(byte[] key, long version, int priority) {
        Bytes wrapped = Bytes.wrap(key);
        byte[] current = store.get(wrapped);
        if (current != null) {
            ByteBuffer buffer = ByteBuffer.wrap(current);
            if (!VersionIndex.newer(version, priority, buffer.getLong(), buffer.getInt())) {
                return false;
            }
        }
        store.put(wrapped, ByteBuffer.allocate(12).putLong(version).putInt(priority).array());
        return true;
    }
}
