package io.tributary.connect.s3.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.LocalS3Server;

/** The S3 side against a real S3 API server that checks signatures and enforces multipart rules. */
class S3ObjectStoreIT {
    private static final int PART = S3Settings.MIN_PART_SIZE;

    @TempDir
    static Path dir;
    static LocalS3Server server;
    static S3ObjectStore store;

    @BeforeAll
    static void start() {
        server = LocalS3Server.start(dir, 0, "key", "secret");
        server.createBucket("lake");
        server.createBucket("lake");
        store = S3ObjectStore.connect(S3Settings.of("lake", server.endpoint(), "key", "secret"));
    }

    @AfterAll
    static void stop() {
        store.close();
        server.close();
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void smallObjectIsInvisibleUntilCompleted() throws Exception {
        byte[] content = random(1000);
        ObjectUpload upload = store.newUpload("small/a.parquet", "application/vnd.apache.parquet");
        upload.write(content);
        upload.close();
        assertThat(store.list("small/")).isEmpty();
        assertThat(upload.complete()).isEqualTo(1000);
        assertThat(store.list("small/")).containsExactly(new StoredObject("small/a.parquet", 1000));
        assertThat(Files.readAllBytes(server.bucketFolder("lake").resolve("small/a.parquet"))).isEqualTo(content);
    }

    @Test
    void largeObjectIsStreamedInPartsAndAppearsWhole() throws Exception {
        byte[] content = random(2 * PART + 12345);
        ObjectUpload upload = store.newUpload("large/b.parquet", "application/vnd.apache.parquet");
        for (int off = 0; off < content.length; off += 100_000) {
            upload.write(content, off, Math.min(100_000, content.length - off));
            assertThat(upload.bufferedBytes()).as("never more than about one part in memory").isLessThan(2L * PART);
        }
        assertThat(store.list("large/")).as("parts are not an object").isEmpty();
        upload.complete();
        assertThat(Files.readAllBytes(server.bucketFolder("lake").resolve("large/b.parquet"))).isEqualTo(content);
        assertThat(store.readTail("large/b.parquet", 10)).containsExactly(java.util.Arrays.copyOfRange(content, content.length - 10, content.length));
    }

    @Test
    void abortedUploadLeavesNothing() throws Exception {
        ObjectUpload upload = store.newUpload("aborted/c.parquet", "application/vnd.apache.parquet");
        upload.write(random(PART + 10));
        upload.abort();
        upload.abort();
        assertThat(store.list("aborted/")).isEmpty();
    }

    @Test
    void rewritingAKeyReplacesTheObject() throws Exception {
        for (int size : new int[] {300, 200}) {
            ObjectUpload upload = store.newUpload("replace/d.parquet", "application/vnd.apache.parquet");
            upload.write(random(size));
            upload.complete();
        }
        assertThat(store.list("replace/")).containsExactly(new StoredObject("replace/d.parquet", 200));
    }

    @Test
    void readTailOfASmallObjectReturnsAllOfIt() throws Exception {
        ObjectUpload upload = store.newUpload("tail/e.parquet", "application/vnd.apache.parquet");
        upload.write(new byte[] {1, 2, 3});
        upload.complete();
        assertThat(store.readTail("tail/e.parquet", 64 * 1024)).containsExactly(1, 2, 3);
        store.delete(List.of("tail/e.parquet"));
        assertThat(store.list("tail/")).isEmpty();
        assertThatThrownBy(() -> store.readTail("tail/e.parquet", 8)).hasMessageContaining("tail/e.parquet");
    }

    @Test
    void wrongCredentialsAreRefused() {
        try (S3ObjectStore wrong = S3ObjectStore.connect(S3Settings.of("lake", server.endpoint(), "key", "not-the-secret"))) {
            assertThatThrownBy(() -> wrong.list("")).isInstanceOf(StorageException.class).hasMessageContaining("s3://lake/");
        }
    }

    @Test
    void conditionalWritesDetectASecondWriter() {
        String first = store.put("state/c.json", new byte[] {1}, "application/json", Precondition.ABSENT);
        assertThatThrownBy(() -> store.put("state/c.json", new byte[] {2}, "application/json", Precondition.ABSENT))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("state/c.json");
        String second = store.put("state/c.json", new byte[] {3}, "application/json", Precondition.matching(first));
        assertThatThrownBy(() -> store.put("state/c.json", new byte[] {4}, "application/json", Precondition.matching(first)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(store.get("state/c.json")).hasValueSatisfying(v -> {
            assertThat(v.content()).containsExactly(3);
            assertThat(v.etag()).isEqualTo(second);
        });
        assertThat(store.get("state/missing.json")).isEmpty();
    }

    @Test
    void pendingMultipartUploadsAreListedAndCanBeAborted() throws Exception {
        ObjectUpload upload = store.newUpload("pending/f.parquet", "application/vnd.apache.parquet");
        upload.write(random(PART + 1));
        assertThat(store.pendingUploads("pending/")).singleElement().satisfies(u -> assertThat(u.key()).isEqualTo("pending/f.parquet"));
        store.abort(store.pendingUploads("pending/").get(0));
        assertThat(store.pendingUploads("pending/")).isEmpty();
    }

    @Test
    void readHeadReturnsTheFirstBytes() {
        store.put("head/g.bin", new byte[] {1, 2, 3, 4}, "application/octet-stream", Precondition.NONE);
        assertThat(store.readHead("head/g.bin", 2)).containsExactly(1, 2);
        assertThat(store.readHead("head/g.bin", 100)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void requestsAreRetriedWhileTheServerIsDownAndFailWithTheAttemptsWhenItStaysDown() throws Exception {
        Path base = dir.resolve("flaky");
        LocalS3Server flaky = LocalS3Server.start(base, 0, "key", "secret");
        flaky.createBucket("lake");
        int port = flaky.port();
        S3Settings settings = new S3Settings("lake", Optional.of(flaky.endpoint()), "us-east-1", Optional.of("key"), Optional.of("secret"),
                PART, 8, Duration.ofMillis(200), Duration.ofMillis(1000), true);
        try (S3ObjectStore retrying = S3ObjectStore.connect(settings)) {
            flaky.close();
            CompletableFuture<String> put = CompletableFuture.supplyAsync(
                    () -> retrying.put("retry/h.json", new byte[] {1}, "application/json", Precondition.NONE));
            Thread.sleep(700);
            assertThat(put).as("still retrying").isNotDone();
            LocalS3Server back = LocalS3Server.start(base, port, "key", "secret");
            try {
                assertThat(put.get(30, TimeUnit.SECONDS)).isNotBlank();
                assertThat(retrying.get("retry/h.json")).isPresent();
            } finally {
                back.close();
            }
            assertThatThrownBy(() -> retrying.list("retry/")).isInstanceOf(StorageException.class)
                    .hasMessageContaining("s3://lake/retry/").hasMessageContaining("after up to 8 attempt(s)");
        }
    }
}
