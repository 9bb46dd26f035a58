package io.tributary.bench.sink;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of threads, which a busy machine disturbs less than wall-clock time. */
final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    static long thread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time so far of the live threads whose name starts with {@code prefix}. */
    static long threadsNamed(String prefix) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(t.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
