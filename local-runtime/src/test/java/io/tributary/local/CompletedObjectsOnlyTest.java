package io.tributary.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Against S3Proxy's real filesystem store: a write under way must not show up in a listing. */
class CompletedObjectsOnlyTest {
    private static final String BUCKET = "ingress";

    @TempDir
    Path dir;

    @Test
    void aWriteUnderWayIsNotListedUntilItCompletes() throws Exception {
        BlobStore files = new FilesystemNio2BlobStore(dir.toString());
        BlobStore store = new CompletedObjectsOnly(files);
        store.createContainer(CreateBucketRequest.builder().bucket(BUCKET).build());
        put(store, "reports/done.csv", new ByteArrayInputStream(bytes("id\n1\n")));

        HalfWritten upload = new HalfWritten(bytes("id\n1\n"), bytes("2\n"));
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> put(store, "reports/secret.xlsx", upload));
        assertThat(upload.firstHalfRead.await(10, TimeUnit.SECONDS)).as("the upload started").isTrue();
        // The partial file is on disk and S3Proxy's own store lists it: the case this class is for.
        assertThat(partialFiles("secret.xlsx-")).hasSize(1);
        assertThat(keys(files.list(listing()))).anyMatch(k -> k.startsWith("reports/secret.xlsx-"));

        ListObjectsV2Response during = store.list(listing());
        assertThat(keys(during)).containsExactly("reports/done.csv");
        assertThat(during.keyCount()).isEqualTo(1);

        upload.rest.countDown();
        writing.get(10, TimeUnit.SECONDS);
        assertThat(keys(store.list(listing()))).containsExactly("reports/done.csv", "reports/secret.xlsx");
    }

    @Test
    void aKeyEndingInAUuidIsListedWhenNoWriteToItsStemIsUnderWay() {
        BlobStore store = new CompletedObjectsOnly(new FilesystemNio2BlobStore(dir.toString()));
        store.createContainer(CreateBucketRequest.builder().bucket(BUCKET).build());
        String key = "reports/export-0b6c3f2e-6d1a-4f0e-9a51-3c2d1e0f9a8b";
        put(store, key, new ByteArrayInputStream(bytes("id\n1\n")));
        assertThat(keys(store.list(listing()))).containsExactly(key);
    }

    private static void put(BlobStore store, String key, InputStream content) {
        store.putBlob(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), content);
    }

    private static ListObjectsV2Request listing() {
        return ListObjectsV2Request.builder().bucket(BUCKET).prefix("reports/").build();
    }

    private static List<String> keys(ListObjectsV2Response response) {
        return response.contents().stream().map(S3Object::key).sorted().toList();
    }

    private List<Path> partialFiles(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(BUCKET).resolve("reports"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Gives its first part, then waits until told to give the rest: an upload caught half way. */
    private static final class HalfWritten extends InputStream {
        final CountDownLatch firstHalfRead = new CountDownLatch(1);
        final CountDownLatch rest = new CountDownLatch(1);
        private final InputStream first;
        private final InputStream second;

        HalfWritten(byte[] first, byte[] second) {
            this.first = new ByteArrayInputStream(first);
            this.second = new ByteArrayInputStream(second);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = first.read(b, off, len);
            if (n > 0) {
                return n;
            }
            firstHalfRead.countDown();
            try {
                if (!rest.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test did not release the upload");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return second.read(b, off, len);
        }
    }
}
