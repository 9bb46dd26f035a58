package io.tributary.benchmarks;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the registry benchmarks and prints their figures as ratios and percentiles:
 * {@code java -jar benchmarks/target/benchmarks.jar [serializer|lookup|saturation]} from the repository's root.
 * Any other arguments go to JMH's own runner ({@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main -h}).
 */
public final class RegistryBenchmarks {
    /** The serializer may cost at most this much more than plain Avro encoding. */
    static final double SERIALIZER_LIMIT = 1.10;
    /** Schema look-ups by id must have a p99 under this many milliseconds. */
    static final double LOOKUP_P99_LIMIT_MS = 5.0;

    private RegistryBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        boolean ok = true;
        if (which.equals("all") || which.equals("serializer")) {
            ok &= serializer();
        }
        if (which.equals("all") || which.equals("lookup")) {
            ok &= sustainedLookup();
        }
        if (which.equals("all") || which.equals("saturation")) {
            lookup();
        }
        System.out.println(ok ? "All registry figures within their limits." : "Some registry figures are over their limits.");
    }

    private static boolean serializer() throws RunnerException {
        Options options = new OptionsBuilder().include(SerializerBenchmark.class.getName()).build();
        double plain = 0;
        double ours = 0;
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            if (name.endsWith("plainAvro")) {
                plain = score;
            } else if (name.endsWith("tributarySerializer")) {
                ours = score;
            }
        }
        System.out.printf(Locale.ROOT, "%nJMH, one after the other: serializer / plain Avro encoding = %.3f "
                + "(plain %.0f ns/record, serializer %.0f ns/record)%n", ours / plain, plain, ours);
        double[] interleaved = new InterleavedSerializerComparison().run(201);
        double ratio = interleaved[1] / interleaved[0];
        System.out.printf(Locale.ROOT, "interleaved, same run: serializer / plain Avro encoding = %.3f (limit %.2f): "
                + "plain %.0f ns/record, serializer %.0f ns/record, 10-field records (medians of 201 alternating blocks)%n",
                ratio, SERIALIZER_LIMIT, interleaved[0], interleaved[1]);
        return ratio <= SERIALIZER_LIMIT;
    }

    /** The target: concurrent clients at a sustained rate (see {@link SustainedLookupBenchmark}). */
    private static boolean sustainedLookup() throws Exception {
        SustainedLookupBenchmark.Result r = new SustainedLookupBenchmark().run();
        System.out.printf(Locale.ROOT, "%nschema lookup by id, sustained: %s (p99 limit %.1f ms, ratio %.2f)%n",
                SustainedLookupBenchmark.describe(r), LOOKUP_P99_LIMIT_MS, r.p99() / LOOKUP_P99_LIMIT_MS);
        return r.p99() < LOOKUP_P99_LIMIT_MS;
    }

    /** For information: clients calling back to back, saturating the machine. */
    private static void lookup() throws RunnerException {
        Options options = new OptionsBuilder().include(SchemaLookupBenchmark.class.getName()).build();
        Collection<RunResult> results = new Runner(options).run();
        RunResult result = results.iterator().next();
        Statistics stats = result.getPrimaryResult().getStatistics();
        double p50 = stats.getPercentile(50);
        double p99 = stats.getPercentile(99);
        double perSecond = SchemaLookupBenchmark.clients() / (stats.getMean() / 1000.0);
        System.out.printf(Locale.ROOT, "%nschema lookup by id, %d clients back to back (saturation, for information): p99 = %.2f ms (limit %.1f ms, ratio %.2f), "
                + "p50 = %.2f ms, mean %.2f ms, about %.0f look-ups/s, %d samples%n", SchemaLookupBenchmark.clients(), p99,
                LOOKUP_P99_LIMIT_MS, p99 / LOOKUP_P99_LIMIT_MS, p50, stats.getMean(), perSecond, stats.getN());
    }
}
