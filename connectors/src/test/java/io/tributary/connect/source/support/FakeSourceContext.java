package io.tributary.connect.source.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A task's view of Connect for unit tests: offsets kept in a map, as Connect would have committed
 * them, and the transaction commits the task asked for.
 */
public final class FakeSourceContext implements SourceTaskContext {
    public final Map<Map<String, Object>, Map<String, Object>> committedOffsets = new HashMap<>();
    public final List<SourceRecord> transactionEnds = new java.util.ArrayList<>();
    private final boolean transactional;

    public FakeSourceContext(boolean transactional) {
        this.transactional = transactional;
    }

    /** Records what Connect would commit after {@code records} were sent. */
    @SuppressWarnings("unchecked")
    public void commit(Collection<SourceRecord> records) {
        for (SourceRecord r : records) {
            committedOffsets.put((Map<String, Object>) r.sourcePartition(), (Map<String, Object>) r.sourceOffset());
        }
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("no metrics in unit tests");
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return committedOffsets.get((Map<String, Object>) partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                partitions.forEach(p -> result.put(p, offset(p)));
                return result;
            }
        };
    }

    @Override
    public TransactionContext transactionContext() {
        if (!transactional) {
            return null;
        }
        return new TransactionContext() {
            @Override
            public void commitTransaction() {
                throw new AssertionError("the task commits after a given record");
            }

            @Override
            public void commitTransaction(SourceRecord record) {
                transactionEnds.add(record);
            }

            @Override
            public void abortTransaction() {
                throw new AssertionError("nothing to abort");
            }

            @Override
            public void abortTransaction(SourceRecord record) {
                throw new AssertionError("nothing to abort");
            }
        };
    }
}
