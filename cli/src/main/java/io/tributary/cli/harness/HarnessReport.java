package io.tributary.cli.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a harness outcome as CSV (one row per interruption or per case) and as a self-contained
 * HTML page (no external script or style), with the machine it ran on.
 */
public final class HarnessReport {
    private final Path dir;

    public HarnessReport(Path dir) {
        this.dir = dir;
    }

    /** @return the HTML file written */
    public Path write(ChaosOutcome outcome) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("component", "stop", "at_ms", "healthy_again_ms"));
        outcome.interruptions().forEach(i -> rows.add(List.of(i.component(), i.how(), Long.toString(i.atMillis()), Long.toString(i.restartMillis()))));
        writeCsv("chaos.csv", rows);
        DeliveryReport d = outcome.delivery();
        String body = "<p class=" + (outcome.ok() ? "ok" : "bad") + ">" + esc(outcome.summary()) + "</p>"
                + "<table><tr><th>produced</th><th>in the lake</th><th>rejected</th><th>lost</th><th>duplicated</th><th>altered</th>"
                + "<th>misrouted</th><th>unexpected</th></tr><tr>" + td(d.produced()) + td(d.inLake()) + td(d.rejected())
                + td(d.lost().size()) + td(d.duplicated().size()) + td(d.altered().size()) + td(d.misrouted().size())
                + td(d.unexpected().size()) + "</tr></table><h2>Interruptions</h2>" + table(rows) + timeline(outcome);
        return writeHtml("chaos.html", "Chaos run", body);
    }

    /** @return the HTML file written */
    public Path write(CorpusOutcome outcome) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("case", "channel", "dataset", "description", "expected", "observed"));
        outcome.results().forEach(r -> rows.add(List.of(r.corpusCase().name(), r.corpusCase().channel().name(), r.corpusCase().dataset(),
                r.corpusCase().description(), r.corpusCase().expected().toString(), r.observed())));
        writeCsv("corpus.csv", rows);
        StringBuilder problems = new StringBuilder();
        outcome.problems().forEach(p -> problems.append("<li>").append(esc(p)).append("</li>"));
        String body = "<p class=" + (outcome.ok() ? "ok" : "bad") + ">" + esc(outcome.summary().lines().findFirst().orElse("")) + "</p>"
                + (problems.isEmpty() ? "" : "<ul>" + problems + "</ul>") + table(rows);
        return writeHtml("corpus.html", "Bad-input corpus", body);
    }

    /** @return the HTML file written */
    public Path write(List<BenchRunner.BenchResult> bench) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scenario", "baseline", "exit_code", "seconds", "result", "output"));
        bench.forEach(r -> rows.add(List.of(r.scenario().name(), r.scenario().baseline(), Integer.toString(r.exitCode()),
                Long.toString(r.elapsed().toSeconds()), r.figures().isEmpty() ? "" : String.join(" / ", r.figures()), r.output().toString())));
        writeCsv("bench.csv", rows);
        long longest = bench.stream().mapToLong(r -> r.elapsed().toSeconds()).max().orElse(1);
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='820' height='" + (20 + 22 * bench.size()) + "'>");
        int y = 5;
        for (BenchRunner.BenchResult r : bench) {
            double w = Math.max(2, 600.0 * r.elapsed().toSeconds() / Math.max(1, longest));
            svg.append(String.format("<text x='0' y='%d' font-size='12'>%s</text><rect x='160' y='%d' width='%.1f' height='14' fill='%s'/>"
                    + "<text x='%.1f' y='%d' font-size='11'>%d s</text>", y + 12, esc(r.scenario().name()), y, w,
                    r.exitCode() == 0 ? "#2980b9" : "#c0392b", 165 + w, y + 12, r.elapsed().toSeconds()));
            y += 22;
        }
        StringBuilder figures = new StringBuilder();
        bench.forEach(r -> {
            figures.append("<h3>").append(esc(r.scenario().name())).append(" vs ").append(esc(r.scenario().baseline())).append("</h3><pre>");
            r.figures().forEach(f -> figures.append(esc(f)).append('\n'));
            figures.append("</pre>");
        });
        return writeHtml("bench.html", "Benchmarks", "<h2>Run time per scenario</h2>" + svg.append("</svg>") + table(rows) + figures
                + plots("timeseries-", "Throughput over time", SvgLinePlot.XScale.LINEAR, SvgLinePlot.YScale.LINEAR)
                + plots("latency-", "Latency distribution", SvgLinePlot.XScale.PERCENTILE_NINES, SvgLinePlot.YScale.LOG)
                + plots("scale-", "Scale curves", SvgLinePlot.XScale.LINEAR, SvgLinePlot.YScale.LINEAR));
    }

    /** One chart per data file a scenario left in the report folder under {@code prefix} (see {@link PlotData}). */
    private String plots(String prefix, String heading, SvgLinePlot.XScale scale, SvgLinePlot.YScale yScale) {
        List<Path> files;
        try (java.util.stream.Stream<Path> list = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.empty()) {
            files = list.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list benchmark data in " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>").append(esc(heading)).append("</h2>");
        files.forEach(f -> html.append("<div>").append(PlotData.read(f).svg(scale, yScale)).append("</div>"));
        return html.toString();
    }

    /** Each interruption as a bar on a time axis, in inline SVG. */
    private static String timeline(ChaosOutcome outcome) {
        long end = outcome.interruptions().stream().mapToLong(i -> i.atMillis() + i.restartMillis()).max().orElse(1);
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='820' height='"
                + (30 + 22 * outcome.interruptions().size()) + "'>");
        int y = 10;
        for (ChaosOutcome.Interruption i : outcome.interruptions()) {
            double x = 200 + 600.0 * i.atMillis() / end;
            double w = Math.max(2, 600.0 * i.restartMillis() / end);
            svg.append(String.format("<text x='0' y='%d' font-size='12'>%s (%s)</text><rect x='%.1f' y='%d' width='%.1f' height='14' fill='%s'/>",
                    y + 12, esc(i.component()), i.how(), x, y, w, i.how().equals("SIGKILL") ? "#c0392b" : "#2980b9"));
            y += 22;
        }
        return "<h2>Timeline (bar: from the stop until healthy again; axis " + end + " ms)</h2>" + svg.append("</svg>");
    }

    private void writeCsv(String name, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        rows.forEach(r -> csv.append(String.join(",", r.stream().map(HarnessReport::csvCell).toList())).append('\n'));
        write(name, csv.toString());
    }

    private Path writeHtml(String name, String title, String body) {
        String html = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + esc(title) + "</title><style>"
                + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px}"
                + ".ok{color:#1e8449;font-weight:bold}.bad{color:#c0392b;font-weight:bold}</style></head><body><h1>" + esc(title) + "</h1>"
                + "<p>" + esc(MachineInfo.describe()) + "</p>" + body + "</body></html>";
        return write(name, html);
    }

    private Path write(String name, String content) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    private static String table(List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table>");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            t.append("<tr>");
            rows.get(i).forEach(c -> t.append('<').append(cell).append('>').append(esc(c)).append("</").append(cell).append('>'));
            t.append("</tr>");
        }
        return t.append("</table>").toString();
    }

    private static String td(long n) {
        return "<td>" + n + "</td>";
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
