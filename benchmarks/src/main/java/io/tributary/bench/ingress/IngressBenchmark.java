package io.tributary.bench.ingress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.tributary.connect.source.IngressSourceTask;
import io.tributary.model.PlatformTopics;

/**
 * Rows per second of the ingress file source on a 100 MB CSV and a 20 MB spreadsheet, with the
 * heap it used: the task as Connect drives it (poll until the file's arrival record), over a
 * local folder instead of S3, without a broker (what Connect's producer adds is measured by
 * Kafka's own benchmarks). The task reads each file twice: once to check and count, once to send.
 *
 * <pre>java -Xmx512m -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.ingress.IngressBenchmark [dir]</pre>
 */
public final class IngressBenchmark {
    private static final long CSV_BYTES = 100L * 1024 * 1024;
    private static final long XLSX_BYTES = 20L * 1024 * 1024;

    private IngressBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Configurator.setRootLevel(Level.WARN);
        Configurator.setLevel("io.tributary", Level.WARN);
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("tributary-ingress-bench-");
        Path bucket = dir.resolve("bucket");
        // One zone per file, so that each run reads its file alone.
        Path csv = bucket.resolve("benchcsv/claims/claims.csv");
        Path xlsx = bucket.resolve("benchxlsx/claims/claims.xlsx");
        long csvRows = writeCsv(csv);
        long xlsxRows = writeWorkbook(xlsx);
        System.out.printf(Locale.ROOT, "files: %s (%.1f MB, %,d rows), %s (%.1f MB, %,d rows)%n", csv.getFileName(), mb(Files.size(csv)),
                csvRows, xlsx.getFileName(), mb(Files.size(xlsx)), xlsxRows);
        for (int round = 1; round <= 2; round++) {
            run("csv  round " + round, bucket, dir, "benchcsv", csvRows);
            run("xlsx round " + round, bucket, dir, "benchxlsx", xlsxRows);
        }
    }

    private static void run(String label, Path bucket, Path dir, String zone, long expectedRows) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long usedBefore = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        Map<String, String> props = Map.of("zones", zone, "rows.per.poll", "2000", "listing.interval.ms", "3600000",
                "processed.action", "none", "spool.dir", dir.resolve("spool").toString(), "csv.records", "json");
        IngressSourceTask task = new IngressSourceTask();
        task.initialize(new BenchSourceContext());
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        task.start(props, new FolderIngressStore(bucket));
        long rows = 0;
        boolean done = false;
        while (!done) {
            List<SourceRecord> records = task.poll();
            if (records == null) {
                continue;
            }
            for (SourceRecord r : records) {
                if (r.topic().equals(zone + ".landing.claims")) {
                    rows++;
                } else if (r.topic().equals(PlatformTopics.batches(zone)) && new String((byte[]) r.key(), StandardCharsets.UTF_8)
                        .startsWith("arrival:" + zone + ".claims/")) {
                    done = true;
                }
            }
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = cpuNanos() - cpu0;
        task.stop();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (rows != expectedRows) {
            throw new IllegalStateException(label + ": " + rows + " rows, expected " + expectedRows);
        }
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.1f s = %,.0f rows/s (CPU %.1f s); heap peak %.0f MB (%.0f MB before), -Xmx %.0f MB%n",
                label, rows, elapsed / 1e9, rows / (elapsed / 1e9), cpu / 1e9, mb(peak), mb(usedBefore),
                mb(Runtime.getRuntime().maxMemory()));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static long writeCsv(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("expense_id,employee_id,department,amount,currency,category,submitted_at,description\n");
            long written = 0;
            while (written < CSV_BYTES) {
                rows++;
                String line = String.format(Locale.ROOT, "EXP-%08d,E%03d,sales,%d.%02d,EUR,TRAVEL,2024-05-%02dT10:%02d:00Z,\"Taxi, airport %d\"%n",
                        rows, rows % 500, rows % 2000, rows % 100, 1 + rows % 28, rows % 60, rows);
                out.write(line);
                written += line.length();
            }
        }
        return rows;
    }

    /** Writes rows in chunks (streaming, SXSSF) until the workbook reaches about 20 MB. */
    private static long writeWorkbook(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        long rows = 120_000;
        while (true) {
            writeWorkbook(file, rows);
            long size = Files.size(file);
            if (size >= XLSX_BYTES * 0.95) {
                return rows;
            }
            rows = (long) (rows * (XLSX_BYTES / (double) size) * 1.02);
        }
    }

    private static void writeWorkbook(Path file, long rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = workbook.createSheet("Claims");
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            String[] names = {"expense_id", "employee_id", "department", "amount", "currency", "category", "submitted_at", "description"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            LocalDateTime start = LocalDateTime.of(2024, 5, 1, 8, 0);
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(String.format(Locale.ROOT, "EXP-%08d", r));
                row.createCell(1).setCellValue("E" + (r % 500));
                row.createCell(2).setCellValue("sales");
                row.createCell(3).setCellValue((r % 2000) + (r % 100) / 100.0);
                row.createCell(4).setCellValue("EUR");
                row.createCell(5).setCellValue("TRAVEL");
                var submitted = row.createCell(6);
                submitted.setCellValue(start.plusMinutes(r));
                submitted.setCellStyle(dateTime);
                row.createCell(7).setCellValue("Taxi, airport " + r);
            }
            workbook.write(out);
            workbook.close();
        }
    }

    /** What a worker gives a source task, reduced to what the benchmark needs: offsets in memory, no transactions. */
    private static final class BenchSourceContext implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return null;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    return new HashMap<>();
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("no metrics in the benchmark");
        }
    }
}
