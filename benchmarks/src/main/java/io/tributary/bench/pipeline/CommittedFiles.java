package io.tributary.bench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The Parquet files the sink has committed, each with the Kafka offsets it holds and when it was
 * first seen in S3, so that each staged record can be given the moment it became queryable.
 */
final class CommittedFiles {
    /** One committed object: partition, first and last offset it holds, its record count, and when it appeared. */
    record CommittedFile(String key, int partition, long firstOffset, long lastOffset, long records, long seenAtMillis) {
        CommittedFile {
            if (lastOffset < firstOffset) {
                throw new IllegalArgumentException("object " + key + ": last offset " + lastOffset + " is before its first " + firstOffset);
            }
        }
    }

    /** Per Kafka partition, files by first offset. */
    private final Map<Integer, TreeMap<Long, List<CommittedFile>>> byPartition = new TreeMap<>();
    private long records;

    synchronized void add(CommittedFile file) {
        byPartition.computeIfAbsent(file.partition(), p -> new TreeMap<>()).computeIfAbsent(file.firstOffset(), o -> new ArrayList<>()).add(file);
        records += file.records();
    }

    synchronized long records() {
        return records;
    }

    /**
     * When the record at {@code offset} of {@code partition} first became visible: the earliest
     * appearance of a file whose offset range holds it (a file rewritten after a crash may
     * appear again under the same key; the first one counts). Empty if no file holds it yet.
     */
    synchronized OptionalLong seenAt(int partition, long offset) {
        TreeMap<Long, List<CommittedFile>> files = byPartition.get(partition);
        if (files == null) {
            return OptionalLong.empty();
        }
        long earliest = Long.MAX_VALUE;
        // Files of different folders can interleave their ranges, so every file starting at or before the offset is a candidate.
        for (List<CommittedFile> group : files.headMap(offset, true).values()) {
            for (CommittedFile f : group) {
                if (f.lastOffset() >= offset) {
                    earliest = Math.min(earliest, f.seenAtMillis());
                }
            }
        }
        return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest);
    }
}
