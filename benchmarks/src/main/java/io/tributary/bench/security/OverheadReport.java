package io.tributary.bench.security;

import java.util.Locale;

/** The benchmark's result table (Markdown, as the other benchmarks print theirs) and the secured/open ratio. */
final class OverheadReport {
    private OverheadReport() {
    }

    static double ratio(RunResult open, RunResult secured) {
        return secured.recordsPerSecond() / open.recordsPerSecond();
    }

    static String render(RunResult open, RunResult secured, int validatorThreads) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d claims of about %d bytes (%.1f MB of JSON), %d partitions, validator exactly_once_v2,"
                        + " %d stream thread%s, commit every 100 ms%n", open.records(), Math.round((double) open.valueBytes() / open.records()),
                open.valueBytes() / 1e6, BenchCluster.PARTITIONS, validatorThreads, validatorThreads == 1 ? "" : "s"));
        out.append("| broker | validator records/s | MB/s | of open | producer records/s | load average |\n");
        out.append("|---|---|---|---|---|---|\n");
        out.append(row("open: " + open.mode().description(), open, open));
        out.append(row("secured: " + secured.mode().description() + ", " + secured.acls() + " ACLs; producer as User:bench-producer,"
                + " validator as User:bench-validator", secured, open));
        out.append(String.format(Locale.ROOT, "secured / open: %.2f (validator throughput), %.2f (producer)%n", ratio(open, secured),
                secured.producedPerSecond() / open.producedPerSecond()));
        return out.toString();
    }

    private static String row(String broker, RunResult run, RunResult open) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.0f%% | %,.0f | %s, then %s |%n", broker, run.recordsPerSecond(),
                run.megabytesPerSecond(), 100 * ratio(open, run), run.producedPerSecond(), strip(run.loadBefore()), strip(run.loadAfter()));
    }

    /** "load average 3.2" → "3.2": the column says what it is. */
    private static String strip(String loadAverage) {
        return loadAverage.startsWith("load average ") ? loadAverage.substring("load average ".length()) : loadAverage;
    }
}
