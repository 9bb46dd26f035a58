package io.tributary.connect.s3.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local folder where one task spills record buffers that do not fit its memory budget. It
 * holds nothing durable: on start, whatever a previous run of the same task left there is
 * deleted, since those records were never committed and will be consumed again.
 */
public final class SpoolDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectory.class);

    private final Path dir;
    private final AtomicLong next = new AtomicLong();
    private final MemoryMeter disk = new MemoryMeter();
    private boolean created;

    public SpoolDirectory(Path dir) {
        this.dir = dir;
    }

    /** Removes what an earlier run of this task left behind. */
    public void clean() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long[] removed = {0};
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                    removed[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            created = false;
            if (removed[0] > 1) {
                LOG.info("Removed {} spool file(s) left in {} by an earlier run; their records are read from Kafka again",
                        removed[0] - 1, dir);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Cannot clean the spool folder " + dir + ": " + e.getMessage(), e);
        }
    }

    Path newFile() throws IOException {
        if (!created) {
            Files.createDirectories(dir);
            created = true;
        }
        return dir.resolve(next.incrementAndGet() + ".spool");
    }

    MemoryMeter diskMeter() {
        return disk;
    }

    /** Bytes currently spilled to disk by this task. */
    public long spilledBytes() {
        return disk.used();
    }

    public Path path() {
        return dir;
    }
}
