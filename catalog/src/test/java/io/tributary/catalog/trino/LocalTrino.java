package io.tributary.catalog.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.tributary.local.LocalS3Server;
import io.tributary.local.Ports;

/**
 * One real Trino 476 server and one S3 server for all Trino tests of a run, started on first use
 * and stopped when the run ends. Tests that need it are skipped where Trino has not been unpacked
 * (build with {@code -Ptrino}) or Java 25 is missing.
 */
public final class LocalTrino implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    public static final String ACCESS_KEY = "tributary";
    public static final String SECRET_KEY = "tributary-test-secret";
    public static final String BUCKET = "lake";

    private final Path base;
    private final LocalS3Server s3;
    private final TrinoServerConfig config;
    private final Process process;
    private final Duration startup;

    private LocalTrino(Path base, LocalS3Server s3, TrinoServerConfig config, Process process, Duration startup) {
        this.base = base;
        this.s3 = s3;
        this.config = config;
        this.process = process;
        this.startup = startup;
    }

    /** The run's server, started if needed; skips the calling test if Trino is not installed. */
    public static LocalTrino get(ExtensionContext context) {
        assumeInstalled();
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LocalTrino.class, k -> start(home(), java()), LocalTrino.class);
    }

    /** Aborts (skips) the calling test class where Trino has not been unpacked or Java 25 is missing. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(TrinoServerConfig.isInstalled(home()) && Files.isExecutable(java()),
                "Trino is not unpacked at " + home() + " (build with -Ptrino) or Java 25 is missing at " + java());
    }

    private static Path home() {
        return Path.of(System.getProperty("tributary.trino.home", "target/trino/trino-server-core-" + TrinoServerConfig.VERSION));
    }

    private static Path java() {
        return Path.of(System.getProperty("tributary.trino.java", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
    }

    private static LocalTrino start(Path home, Path java) {
        Instant began = Instant.now();
        try {
            Path base = Files.createTempDirectory("tributary-trino-it");
            LocalS3Server s3 = LocalS3Server.start(base.resolve("s3"), 0, ACCESS_KEY, SECRET_KEY);
            s3.createBucket(BUCKET);
            TrinoServerConfig config = new TrinoServerConfig(home, java, base.resolve("trino"), Ports.freePort(), s3.endpoint(),
                    "us-east-1", ACCESS_KEY, SECRET_KEY, "1G");
            config.writeConfiguration();
            Process process = new ProcessBuilder(config.command()).redirectErrorStream(true)
                    .redirectOutput(base.resolve("trino-stdout.log").toFile()).start();
            TrinoConnections.awaitReady(config.jdbcUrl(), Duration.ofSeconds(180), process::isAlive);
            return new LocalTrino(base, s3, config, process, Duration.between(began, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TrinoServerConfig config() {
        return config;
    }

    /** The lake bucket's folder: each object of the S3 server is a plain file there. */
    public Path lake() {
        return s3.bucketFolder(BUCKET);
    }

    public Duration startup() {
        return startup;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        s3.close();
        try (var paths = Files.walk(base)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is no failure of the tests.
        }
    }
}
