package io.tributary.cli.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's data as a benchmark writes it (module benchmarks, {@code SeriesCsv}): a header
 * {@code series,<x axis label>,<y axis label>}, then one {@code <series>,<x>,<y>} row per point.
 * The file name says which chart it is: {@code timeseries-*}, {@code latency-*} or {@code scale-*}.
 */
public record PlotData(String title, String xLabel, String yLabel, List<SvgLinePlot.Series> series) {

    /** Reads one data file; a malformed row fails naming the file, the line and what is wrong. */
    public static PlotData read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read benchmark data " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, expected a header 'series,<x label>,<y label>'");
        }
        String[] header = lines.get(0).split(",", -1);
        if (header.length != 3 || !header[0].equals("series")) {
            throw new IllegalArgumentException(file + " line 1: expected 'series,<x label>,<y label>', found '" + lines.get(0) + "'");
        }
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int last = line.lastIndexOf(',');
            int middle = last < 0 ? -1 : line.lastIndexOf(',', last - 1);
            if (middle < 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected '<series>,<x>,<y>', found '" + line + "'");
            }
            double x = number(file, i + 1, header[1], line.substring(middle + 1, last));
            double y = number(file, i + 1, header[2], line.substring(last + 1));
            points.computeIfAbsent(line.substring(0, middle), k -> new ArrayList<>()).add(new double[] {x, y});
        }
        List<SvgLinePlot.Series> series = new ArrayList<>();
        points.forEach((name, p) -> series.add(new SvgLinePlot.Series(name, p)));
        return new PlotData(title(file), header[1], header[2], series);
    }

    /** {@code latency-validator-to-queryable.csv} becomes {@code validator to queryable}. */
    static String title(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        int dash = name.indexOf('-');
        return (dash < 0 ? name : name.substring(dash + 1)).replace('-', ' ');
    }

    public String svg(SvgLinePlot.XScale scale, SvgLinePlot.YScale yScale) {
        return SvgLinePlot.render(title, xLabel, yLabel + (yScale == SvgLinePlot.YScale.LOG ? " (log scale)" : ""), series, scale, yScale);
    }

    private static double number(Path file, int line, String column, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + column + " '" + text + "' is not a number", e);
        }
    }
}
