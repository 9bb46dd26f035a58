package io.tributary.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

import io.tributary.bench.report.PerSecondCounter;

/**
 * Watches a dataset's folder of the lake, as the S3 server stores it on disk, every
 * {@value #POLL_MILLIS} ms, and records each Parquet object the first time it is there and its
 * footer reads (a complete object, as a query would see it), with the offsets its lineage gives.
 * So a record's "queryable" moment is late by up to one poll interval.
 */
final class LakeWatcher implements AutoCloseable {
    static final long POLL_MILLIS = 100;

    private final Path folder;
    private final CommittedFiles files = new CommittedFiles();
    private final Set<Path> seen = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile PerSecondCounter counter;

    LakeWatcher(Path folder) {
        this.folder = folder;
        this.thread = new Thread(this::run, "lake-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    CommittedFiles files() {
        return files;
    }

    /** From now on, counts the records of each new file in the second it appeared. */
    void countInto(PerSecondCounter counter) {
        this.counter = counter;
    }

    private void run() {
        while (running) {
            scan();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void scan() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        long now = System.currentTimeMillis();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".parquet") && !seen.contains(p)).forEach(p -> {
                Map<String, String> meta = footer(p);
                if (meta == null) {
                    return;
                }
                seen.add(p);
                CommittedFiles.CommittedFile f = new CommittedFiles.CommittedFile(folder.relativize(p).toString(),
                        Integer.parseInt(meta.get("tributary.partition")), Long.parseLong(meta.get("tributary.first.offset")),
                        Long.parseLong(meta.get("tributary.last.offset")), Long.parseLong(meta.get("tributary.records")), now);
                files.add(f);
                PerSecondCounter c = counter;
                if (c != null) {
                    c.add(now, f.records());
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // A file moved while walking: the next scan sees the folder as it is then.
        }
    }

    /** The footer's key-value metadata, or null while the object is not complete. */
    private static Map<String, String> footer(Path p) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(p))) {
            Map<String, String> meta = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            return meta.containsKey("tributary.last.offset") ? meta : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
