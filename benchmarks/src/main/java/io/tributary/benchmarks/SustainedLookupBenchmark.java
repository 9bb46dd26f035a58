package io.tributary.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.tributary.registry.client.HttpSchemaRegistry;

/**
 * Schema look-ups by id from concurrent clients at a sustained rate, the way producers and
 * consumers actually call a registry (a look-up per new schema id, not a tight loop), with the
 * latency of each look-up taken from the moment it was due, not the moment it was sent, so that
 * a stalled registry cannot hide its queue (no coordinated omission).
 *
 * <p>{@link SchemaLookupBenchmark} measures the opposite case, clients that call back to back and
 * saturate the machine: its p99 is then the machine's run queue, which on two cores shared by the
 * broker, the registry and eight client threads says little about the registry.
 */
final class SustainedLookupBenchmark {
    static final int CLIENTS = Integer.getInteger("clients", 8);
    static final int RATE = Integer.getInteger("rate", 1000);
    static final int WARMUP_SECONDS = Integer.getInteger("warmup", 10);
    static final int SECONDS = Integer.getInteger("seconds", 30);

    /** The figures of one run. */
    record Result(int clients, int rate, long count, double p50, double p99, double p999, double max) {
    }

    /** Against the packaged registry on a real broker. */
    Result run() throws Exception {
        SchemaLookupBenchmark.Platform platform = new SchemaLookupBenchmark.Platform();
        platform.start();
        try {
            return run(platform.url);
        } finally {
            platform.stop();
        }
    }

    private Result run(String url) throws Exception {
        Recorder recorder = new Recorder(3);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * CLIENTS / RATE;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            HttpSchemaRegistry registry = new HttpSchemaRegistry(url, null, Duration.ofSeconds(10));
            // Clients are spread over the interval so that they do not all call at the same instant.
            long first = start + intervalNanos * c / CLIENTS;
            Thread t = new Thread(() -> client(registry, first, intervalNanos, end, recorder), "lookup-client-" + c);
            clients.add(t);
            t.start();
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime()));
        recorder.getIntervalHistogram(); // drop the warm-up
        for (Thread t : clients) {
            t.join();
        }
        Histogram h = recorder.getIntervalHistogram();
        return new Result(CLIENTS, RATE, h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static void client(HttpSchemaRegistry registry, long first, long intervalNanos, long end, Recorder recorder) {
        long due = first;
        while (due < end) {
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
            }
            registry.schemaById(1 + ThreadLocalRandom.current().nextInt(SchemaLookupBenchmark.SCHEMAS));
            recorder.recordValue(Math.max(0, System.nanoTime() - due));
            due += intervalNanos;
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static String describe(Result r) {
        return String.format(Locale.ROOT, "%d clients at %d look-ups/s in all: p50 = %.2f ms, p99 = %.2f ms, p99.9 = %.2f ms, "
                + "max %.1f ms, %d look-ups measured", r.clients(), r.rate(), r.p50(), r.p99(), r.p999(), r.max(), r.count());
    }
}
