package io.tributary.cli.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts are inline SVG whose points sit where their values say, read from the benchmarks' data files. */
class SvgLinePlotTest {
    private static final Pattern POLYLINE = Pattern.compile("<polyline[^>]*points='([^']*)'");

    @TempDir
    Path dir;

    @Test
    void pointsArePlacedInProportionToTheirValues() {
        String svg = SvgLinePlot.render("t", "x", "y", List.of(new SvgLinePlot.Series("a",
                List.of(new double[] {0, 0}, new double[] {5, 50}, new double[] {10, 100}))), SvgLinePlot.XScale.LINEAR);
        double[][] p = points(svg).get(0);
        // x: equal steps in value are equal steps in pixels; y: 100 is the top (the axis goes to 100), 0 the bottom.
        assertThat(p[1][0] - p[0][0]).isCloseTo(p[2][0] - p[1][0], org.assertj.core.data.Offset.offset(0.2));
        assertThat(p[0][1] - p[1][1]).isCloseTo(p[1][1] - p[2][1], org.assertj.core.data.Offset.offset(0.2));
        assertThat(p[2][1]).isLessThan(p[0][1]);
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains(">a</text>").doesNotContain("<script");
    }

    @Test
    void percentilesAreSpacedByTheirNines() {
        assertThat(SvgLinePlot.x(90, SvgLinePlot.XScale.PERCENTILE_NINES)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SvgLinePlot.x(99, SvgLinePlot.XScale.PERCENTILE_NINES)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SvgLinePlot.x(99.9, SvgLinePlot.XScale.PERCENTILE_NINES)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        String svg = SvgLinePlot.render("lat", "percentile", "ms", List.of(new SvgLinePlot.Series("s",
                List.of(new double[] {90, 1}, new double[] {99, 2}, new double[] {99.9, 3}))), SvgLinePlot.XScale.PERCENTILE_NINES);
        double[][] p = points(svg).get(0);
        assertThat(p[1][0] - p[0][0]).isCloseTo(p[2][0] - p[1][0], org.assertj.core.data.Offset.offset(0.2));
        assertThat(svg).contains(">p99.9</text>");
    }

    @Test
    void onALogAxisEachPowerOfTenTakesTheSameHeight() {
        String svg = SvgLinePlot.render("lat", "percentile", "ms", List.of(new SvgLinePlot.Series("s",
                List.of(new double[] {50, 100}, new double[] {90, 1_000}, new double[] {99, 10_000}))),
                SvgLinePlot.XScale.PERCENTILE_NINES, SvgLinePlot.YScale.LOG);
        double[][] p = points(svg).get(0);
        assertThat(p[0][1] - p[1][1]).isCloseTo(p[1][1] - p[2][1], org.assertj.core.data.Offset.offset(0.2));
        assertThat(svg).contains(">100</text>", ">1,000</text>", ">10,000</text>");
        SvgLinePlot.YAxis axis = SvgLinePlot.YAxis.log(106, 14_599);
        assertThat(axis.low()).isEqualTo(100);
        assertThat(axis.high()).isEqualTo(100_000);
        assertThat(axis.fraction(0)).isZero();
    }

    @Test
    void axisEndsOnARoundNumber() {
        assertThat(SvgLinePlot.niceCeiling(730)).isEqualTo(1000);
        assertThat(SvgLinePlot.niceCeiling(130)).isEqualTo(200);
        assertThat(SvgLinePlot.niceCeiling(0.0042)).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void dataFilesBecomeOneSeriesPerNameWithAxisLabelsFromTheHeader() throws Exception {
        Path f = Files.writeString(dir.resolve("scale-validator-heap.csv"),
                "series,datasets,heap MiB\nvalidator,1,40\nvalidator,10,55\nsink, 1 partition,1,9\n");
        PlotData data = PlotData.read(f);
        assertThat(data.title()).isEqualTo("validator heap");
        assertThat(data.xLabel()).isEqualTo("datasets");
        assertThat(data.series()).extracting(SvgLinePlot.Series::name).containsExactly("validator", "sink, 1 partition");
        assertThat(data.series().get(0).points()).hasSize(2);
    }

    @Test
    void aMalformedDataFileNamesTheLineAndColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("latency-x.csv"), "series,percentile,ms\na,50,1.5\na,99,slow\n");
        assertThatThrownBy(() -> PlotData.read(f)).hasMessageContaining("line 3").hasMessageContaining("ms 'slow' is not a number");
        Path g = Files.writeString(dir.resolve("latency-y.csv"), "percentile,ms\n");
        assertThatThrownBy(() -> PlotData.read(g)).hasMessageContaining("line 1");
    }

    @Test
    void theBenchReportDrawsEveryDataFileInItsSection() throws Exception {
        Files.writeString(dir.resolve("timeseries-e2e.csv"), "series,second,records/s\nlake,1,100\nlake,2,120\n");
        Files.writeString(dir.resolve("latency-pipeline.csv"), "series,percentile,ms\nto staging,50,120\nto staging,99,400\n");
        Path log = Files.writeString(dir.resolve("bench-e2e.log"), "e2e / producer: 0.41 ratio\n");
        String page = Files.readString(new HarnessReport(dir).write(List.of(new BenchRunner.BenchResult(
                BenchScenario.all(true).get(BenchScenario.all(true).size() - 1), 0, java.time.Duration.ofSeconds(3), log,
                List.of("e2e / producer: 0.41 ratio")))));
        assertThat(page).contains("Throughput over time", "Latency distribution", ">e2e</text>", ">pipeline</text>", ">p99</text>",
                        "ms (log scale)")
                .doesNotContain("Scale curves", "<script");
        assertThat(page.split("<polyline", -1)).hasSize(3);
    }

    private static List<double[][]> points(String svg) {
        Matcher m = POLYLINE.matcher(svg);
        java.util.ArrayList<double[][]> all = new java.util.ArrayList<>();
        while (m.find()) {
            String[] pairs = m.group(1).split(" ");
            double[][] p = new double[pairs.length][];
            for (int i = 0; i < pairs.length; i++) {
                String[] xy = pairs[i].split(",");
                p[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
            }
            all.add(p);
        }
        return all;
    }
}
