package io.tributary.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3 API server (S3Proxy) running in this JVM, keeping each object as a plain file at
 * {@code <baseDir>/<bucket>/<key>} so that local tools (DuckDB, Trino) can read the lake folder
 * directly. It checks SigV4 signatures against the one key pair it is given and enforces S3's
 * multipart rules (5 MiB minimum part), so clients behave here as they would against AWS.
 */
public final class LocalS3Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalS3Server.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final BlobStore store;
    private final Path baseDir;
    private final int port;

    private LocalS3Server(S3Proxy proxy, BlobStore store, Path baseDir, int port) {
        this.proxy = proxy;
        this.store = store;
        this.baseDir = baseDir;
        this.port = port;
    }

    /**
     * Starts the server on {@code port} (0 picks a free one) with objects under {@code baseDir};
     * requests must be signed with {@code accessKey}/{@code secretKey}.
     */
    public static LocalS3Server start(Path baseDir, int port, String accessKey, String secretKey) {
        int serverPort = port == 0 ? Ports.freePort() : Ports.requireFree("S3 server", port);
        Path base = baseDir.toAbsolutePath();
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new LocalRuntimeException("Could not create the S3 server's data folder " + base + ": " + e.getMessage(), e);
        }
        BlobStore store = new CompletedObjectsOnly(new FilesystemNio2BlobStore(base.toString()));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + serverPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // Clients such as Trino send headers S3Proxy does not know; AWS ignores them too.
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy, serverPort);
        } catch (LocalRuntimeException e) {
            stopQuietly(proxy);
            throw e;
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new LocalRuntimeException("S3 server could not start on port " + serverPort + ": " + e.getMessage(), e);
        }
        LOG.info("S3 server started on http://localhost:{} (objects under {})", serverPort, base);
        return new LocalS3Server(proxy, store, base, serverPort);
    }

    private static void awaitStarted(S3Proxy proxy, int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new LocalRuntimeException("S3 server on port " + port + " did not start within "
                        + START_TIMEOUT.toSeconds() + " s (state " + proxy.getState() + ")");
            }
            Thread.sleep(20);
        }
    }

    /** Creates the bucket if it does not exist yet; an existing bucket is left as it is. */
    public void createBucket(String name) {
        if (!store.containerExists(name)) {
            store.createContainer(name);
            LOG.info("S3 bucket {} created under {}", name, baseDir);
        }
    }

    /** The URL clients use, e.g. {@code http://localhost:9000}; path-style access. */
    public String endpoint() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the objects of {@code bucket} are, as plain files. */
    public Path bucketFolder(String bucket) {
        return baseDir.resolve(bucket);
    }

    public Path baseDir() {
        return baseDir;
    }

    @Override
    public void close() {
        stopQuietly(proxy);
        LOG.info("S3 server on http://localhost:{} stopped", port);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("S3 server did not stop cleanly: {}", e.getMessage());
        }
    }
}
