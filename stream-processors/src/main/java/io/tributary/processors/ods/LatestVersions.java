package io.tributary.processors.ods;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.utils.Bytes;

/** An in-memory {@link VersionIndex}: key bytes → version and priority, updated in place. */
final class LatestVersions implements VersionIndex {
    private final Map<Bytes, Latest> latest = new HashMap<>();

    /** Mutable so that a newer version costs no allocation. */
    private static final class Latest {
        long version;
        int priority;

        Latest(long version, int priority) {
            this.version = version;
            this.priority = priority;
        }
    }

    @Override
    public boolean advance(byte[] key, long version, int priority) {
        Bytes wrapped = Bytes.wrap(key);
        Latest current = latest.get(wrapped);
        if (current == null) {
            latest.put(wrapped, new Latest(version, priority));
            return true;
        }
        if (!VersionIndex.newer(version, priority, current.version, current.priority)) {
            return false;
        }
        current.version = version;
        current.priority = priority;
        return true;
    }

    int size() {
        return latest.size();
    }

    void clear() {
        latest.clear();
    }
}
