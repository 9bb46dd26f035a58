package io.tributary.cli.harness;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draws series of points as an inline SVG line chart (axes, ticks, legend), so a report needs no
 * script or external file. The x axis is linear, or for latency percentiles in "nines"
 * ({@code -log10(1 - p/100)}), where p50, p90, p99 and p99.9 are equally spaced as in
 * HdrHistogram's percentile plots.
 */
public final class SvgLinePlot {
    private static final String[] COLOURS = {"#2980b9", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 180;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;

    public enum XScale { LINEAR, PERCENTILE_NINES }

    /** LOG spaces powers of ten equally: latencies from 0.1 s to 15 s stay readable on one chart. */
    public enum YScale { LINEAR, LOG }

    /** One line of the chart: its name in the legend and its points as (x, y). */
    public record Series(String name, List<double[]> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    private SvgLinePlot() {
    }

    public static String render(String title, String xLabel, String yLabel, List<Series> series, XScale scale) {
        return render(title, xLabel, yLabel, series, scale, YScale.LINEAR);
    }

    public static String render(String title, String xLabel, String yLabel, List<Series> series, XScale scale, YScale yScale) {
        double minPositiveY = Double.MAX_VALUE;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        TreeSet<Double> xs = new TreeSet<>();
        for (Series s : series) {
            for (double[] p : s.points()) {
                double x = x(p[0], scale);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, p[1]);
                if (p[1] > 0) {
                    minPositiveY = Math.min(minPositiveY, p[1]);
                }
                xs.add(p[0]);
            }
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'>"
                        + "<text x='%d' y='16' font-size='13' font-weight='bold'>%s</text>", WIDTH, HEIGHT, LEFT, HarnessReport.esc(title)));
        if (xs.isEmpty()) {
            return svg.append("<text x='").append(LEFT).append("' y='60' font-size='12'>no data</text></svg>").toString();
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        YAxis axis = yScale == YScale.LOG && minPositiveY != Double.MAX_VALUE
                ? YAxis.log(minPositiveY, maxY) : YAxis.linear(niceCeiling(maxY));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>", LEFT, TOP, plotW, plotH));
        for (double v : axis.ticks()) {
            double y = TOP + plotH - plotH * axis.fraction(v);
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>"
                    + "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>", LEFT, LEFT + plotW, y, y, LEFT - 4, y + 3, label(v)));
        }
        for (double raw : xTicks(xs, scale)) {
            double x = LEFT + plotW * (x(raw, scale) - minX) / (maxX - minX);
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>", x,
                    TOP + plotH + 14, scale == XScale.PERCENTILE_NINES ? "p" + label(raw) : label(raw)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' text-anchor='middle'>%s</text>"
                        + "<text x='14' y='%d' font-size='11' text-anchor='middle' transform='rotate(-90 14 %d)'>%s</text>",
                LEFT + plotW / 2, HEIGHT - 8, HarnessReport.esc(xLabel), TOP + plotH / 2, TOP + plotH / 2, HarnessReport.esc(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (double[] p : series.get(i).points()) {
                double px = LEFT + plotW * (x(p[0], scale) - minX) / (maxX - minX);
                double py = TOP + plotH - plotH * axis.fraction(p[1]);
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                dots.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='2.5' fill='%s'/>", px, py, colour));
            }
            svg.append("<polyline fill='none' stroke='").append(colour).append("' stroke-width='1.5' points='")
                    .append(line.toString().strip()).append("'/>").append(dots);
            int ly = TOP + 12 + 16 * i;
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='12' height='4' fill='%s'/><text x='%d' y='%d' font-size='11'>%s</text>",
                    LEFT + plotW + 10, ly - 4, colour, LEFT + plotW + 26, ly, HarnessReport.esc(series.get(i).name())));
        }
        return svg.append("</svg>").toString();
    }

    /** The y axis: where a value sits as a fraction of the plot's height, and the values to label. */
    record YAxis(boolean log, double low, double high) {
        static YAxis linear(double max) {
            return new YAxis(false, 0, max);
        }

        /** From the power of ten at or below the smallest value to the one at or above the largest. */
        static YAxis log(double minPositive, double max) {
            double low = Math.pow(10, Math.floor(Math.log10(minPositive)));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, minPositive))));
            return new YAxis(true, low, high > low ? high : low * 10);
        }

        double fraction(double v) {
            if (log) {
                return Math.max(0, Math.min(1, Math.log10(Math.max(v, low) / low) / Math.log10(high / low)));
            }
            return Math.max(0, Math.min(1, v / high));
        }

        List<Double> ticks() {
            java.util.ArrayList<Double> ticks = new java.util.ArrayList<>();
            if (log) {
                for (double v = low; v <= high * 1.0001; v *= 10) {
                    ticks.add(v);
                }
            } else {
                for (int i = 0; i <= 4; i++) {
                    ticks.add(high * i / 4);
                }
            }
            return ticks;
        }
    }

    /** Where a value sits on the x axis before scaling to pixels. */
    static double x(double raw, XScale scale) {
        if (scale == XScale.LINEAR) {
            return raw;
        }
        // p100 would be infinitely far: keep it one nine beyond p99.99.
        return -Math.log10(Math.max(1e-5, 1 - raw / 100));
    }

    /** At most about ten labels: every data x when few, else evenly spaced ones. */
    private static List<Double> xTicks(TreeSet<Double> xs, XScale scale) {
        if (xs.size() <= 10 || scale == XScale.PERCENTILE_NINES) {
            return List.copyOf(xs);
        }
        List<Double> all = List.copyOf(xs);
        int step = (int) Math.ceil(all.size() / 10.0);
        java.util.ArrayList<Double> ticks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            ticks.add(all.get(i));
        }
        return ticks;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}, so tick labels are round. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
