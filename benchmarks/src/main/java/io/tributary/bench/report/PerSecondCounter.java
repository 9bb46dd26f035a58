package io.tributary.bench.report;

import java.util.Map;
import java.util.TreeMap;

/** Counts events per whole second since a start, for throughput-over-time charts. */
public final class PerSecondCounter {
    private final long startMillis;
    private final TreeMap<Long, Long> counts = new TreeMap<>();

    public PerSecondCounter(long startMillis) {
        this.startMillis = startMillis;
    }

    public synchronized void add(long atMillis, long events) {
        counts.merge(Math.max(0, (atMillis - startMillis) / 1000), events, Long::sum);
    }

    /** Adds each second from 0 to the last with an event, seconds without any as 0, to {@code csv} under {@code series}. */
    public synchronized void writeTo(SeriesCsv csv, String series) {
        if (counts.isEmpty()) {
            return;
        }
        for (long s = 0; s <= counts.lastKey(); s++) {
            csv.add(series, s, counts.getOrDefault(s, 0L));
        }
    }

    public synchronized Map<Long, Long> counts() {
        return Map.copyOf(counts);
    }
}
