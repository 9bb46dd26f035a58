package io.tributary.connect.s3.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.tributary.connect.s3.commit.CommittedFile;
import io.tributary.connect.s3.writer.CommitListener;

/**
 * One task's metrics, in plain Java: counters fed by commits and rejections, gauges read from
 * the writer. Published to Connect's JMX ({@link ConnectMetricsBinding}) and in Prometheus'
 * text format ({@link PrometheusText}).
 */
public final class TaskMetrics implements CommitListener {
    /** A metric as both JMX and Prometheus show it. */
    public record Metric(String name, String help, boolean counter, LongSupplier value) {
    }

    private final String connector;
    private final String task;
    private final AtomicLong recordsWritten = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong filesCommitted = new AtomicLong();
    private final AtomicLong recordsRejected = new AtomicLong();
    private final AtomicLong commitMillisTotal = new AtomicLong();
    private final AtomicLong commitMillisMax = new AtomicLong();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    public TaskMetrics(String connector, String task, LongSupplier openFiles, LongSupplier bufferedBytes, LongSupplier spilledBytes) {
        this.connector = connector;
        this.task = task;
        add("records-written-total", "Records landed in committed files", true, recordsWritten::get);
        add("bytes-written-total", "Bytes of committed files", true, bytesWritten::get);
        add("files-committed-total", "Files committed (visible in S3)", true, filesCommitted::get);
        add("records-rejected-total", "Records sent to the dead-letter queue", true, recordsRejected::get);
        add("open-files", "Files being filled", false, openFiles);
        add("buffered-bytes", "Bytes of record buffers held in memory", false, bufferedBytes);
        add("spilled-bytes", "Bytes of record buffers spilled to local disk", false, spilledBytes);
        add("commit-latency-ms-total", "Milliseconds spent committing files (write, upload, complete)", true, commitMillisTotal::get);
        add("commit-latency-ms-max", "Longest commit of a file in milliseconds", false, commitMillisMax::get);
    }

    private void add(String name, String help, boolean counter, LongSupplier value) {
        metrics.put(name, new Metric(name, help, counter, value));
    }

    @Override
    public void committed(CommittedFile file) {
        recordsWritten.addAndGet(file.records());
        bytesWritten.addAndGet(file.bytes());
        filesCommitted.incrementAndGet();
        commitMillisTotal.addAndGet(file.latencyMillis());
        commitMillisMax.accumulateAndGet(file.latencyMillis(), Math::max);
    }

    public void recordRejected() {
        recordsRejected.incrementAndGet();
    }

    public Map<String, Metric> metrics() {
        return metrics;
    }

    public long value(String name) {
        return metrics.get(name).value().getAsLong();
    }

    public String connector() {
        return connector;
    }

    public String task() {
        return task;
    }
}
