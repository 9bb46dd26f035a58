package io.tributary.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chart data for {@code tributary bench}'s report: {@code series,<x label>,<y label>}, then one
 * {@code <series>,<x>,<y>} row per point, in the folder named by {@code -Dbench.out} (default
 * {@code benchmarks/target/bench-data}). The file name's prefix says which chart:
 * {@code timeseries-}, {@code latency-} (x in percent) or {@code scale-}.
 */
public final class SeriesCsv {
    private final Path file;
    private final StringBuilder rows;

    public SeriesCsv(String name, String xLabel, String yLabel) {
        if (xLabel.contains(",") || yLabel.contains(",")) {
            throw new IllegalArgumentException("axis labels of " + name + " must not contain commas: '" + xLabel + "', '" + yLabel + "'");
        }
        this.file = outputDir().resolve(name + ".csv");
        this.rows = new StringBuilder("series," + xLabel + "," + yLabel + "\n");
    }

    public static Path outputDir() {
        return Path.of(System.getProperty("bench.out", "benchmarks/target/bench-data"));
    }

    public SeriesCsv add(String series, double x, double y) {
        rows.append(series.replace('\n', ' ')).append(',').append(String.format(Locale.ROOT, "%s,%s", plain(x), plain(y))).append('\n');
        return this;
    }

    /** @return the file written */
    public Path write() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rows);
            System.out.println("chart data: " + file.toAbsolutePath());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart data " + file + ": " + e.getMessage(), e);
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
