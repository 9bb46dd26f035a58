package io.tributary.connect.s3.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams an object to S3 as multipart-upload parts of {@code partSize} bytes, so that a large
 * file never sits whole in memory; a file smaller than one part is sent with a single PutObject
 * on completion. Either way the object appears only when complete.
 */
final class S3ObjectUpload extends ObjectUpload {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectUpload.class);
    private final S3ObjectStore store;
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final int partSize;
    private final PartBuffer buffer = new PartBuffer();
    private final List<CompletedPart> parts = new ArrayList<>();
    private String uploadId;
    private long position;
    private boolean closed;
    private boolean done;

    S3ObjectUpload(S3ObjectStore store, S3Client s3, String bucket, String key, String contentType, int partSize) {
        this.store = store;
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.partSize = partSize;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long bufferedBytes() {
        return buffer.capacity();
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        buffer.write(b);
        position++;
        sendFullPart();
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        ensureOpen();
        buffer.write(bytes, off, len);
        position += len;
        sendFullPart();
    }

    private void ensureOpen() throws IOException {
        if (closed || done) {
            throw new IOException("upload of s3://" + bucket + "/" + key + " is already closed");
        }
    }

    private void sendFullPart() throws IOException {
        if (buffer.size() >= partSize) {
            try {
                uploadPart();
            } catch (SdkException e) {
                throw new IOException(store.failure("Uploading part " + (parts.size() + 1) + " of s3://" + bucket + "/" + key, e), e);
            }
        }
    }

    private void uploadPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        }
        int partNumber = parts.size() + 1;
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber), body()).eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        buffer.reset();
    }

    private RequestBody body() {
        byte[] bytes = buffer.array();
        int length = buffer.size();
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, contentType);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public long complete() {
        if (done) {
            throw new IllegalStateException("upload of s3://" + bucket + "/" + key + " is already finished");
        }
        try {
            if (uploadId == null) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), body());
            } else {
                if (buffer.size() > 0) {
                    uploadPart();
                }
                s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
            }
        } catch (SdkException e) {
            abort();
            throw new StorageException(store.failure("Completing s3://" + bucket + "/" + key, e), e);
        }
        done = true;
        buffer.release();
        LOG.debug("Completed s3://{}/{} ({} bytes, {} parts)", bucket, key, position, Math.max(1, parts.size()));
        return position;
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        buffer.release();
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException e) {
                // An abandoned upload is invisible; a bucket lifecycle rule removes its parts.
                LOG.warn("Could not abort the multipart upload of s3://{}/{}: {}", bucket, key, e.getMessage());
            }
        }
    }

    /**
     * A growable buffer whose array is sent without copying. It doubles as it fills but never
     * beyond what one part needs, so an upload holds at most about one part.
     */
    private final class PartBuffer {
        private byte[] buf = new byte[8 * 1024];
        private int count;

        void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        void write(byte[] bytes, int off, int len) {
            ensure(len);
            System.arraycopy(bytes, off, buf, count, len);
            count += len;
        }

        private void ensure(int more) {
            int needed = count + more;
            if (needed > buf.length) {
                int grown = (int) Math.min(Math.max(2L * buf.length, needed), Math.max(needed, partSize));
                buf = java.util.Arrays.copyOf(buf, grown);
            }
        }

        int size() {
            return count;
        }

        int capacity() {
            return buf.length;
        }

        byte[] array() {
            return buf;
        }

        void reset() {
            count = 0;
        }

        void release() {
            buf = new byte[0];
            count = 0;
        }
    }
}
