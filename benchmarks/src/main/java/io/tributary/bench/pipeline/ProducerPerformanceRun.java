package io.tributary.bench.pipeline;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance}, the
 * {@code kafka-producer-perf-test} tool) as its own JVM, on the same broker with the same producer
 * settings, reading records per second from its summary line.
 */
final class ProducerPerformanceRun {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    private ProducerPerformanceRun() {
    }

    /** @return records per second the tool reports */
    static double run(String topic, int records, int recordSize, Map<String, Object> producerSettings, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props"));
        producerSettings.forEach((k, v) -> cmd.add(k + "=" + v));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish in 10 minutes; see " + log);
        }
        return summary(Files.readString(log), log);
    }

    /** The records/s of the tool's last line ({@code N records sent, X records/sec (...)}). */
    static double summary(String output, Path log) {
        Matcher m = SUMMARY.matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group(2);
        }
        if (last == null) {
            throw new IllegalStateException("no 'records sent, ... records/sec' line in ProducerPerformance's output " + log
                    + File.separator + ": " + output.lines().reduce((a, b) -> b).orElse("(empty)"));
        }
        return Double.parseDouble(last);
    }
}
