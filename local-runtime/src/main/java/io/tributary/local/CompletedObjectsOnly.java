package io.tributary.local;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;

import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists only completed objects, as S3 does. S3Proxy's filesystem store writes an object to
 * {@code <key>-<uuid>} beside its key and renames it when the write completes; a listing in between
 * showed that partial file as an object of its own, so a file watcher listing the bucket (the
 * ingress source) took a half-written upload for a new file. While a key is being written, this
 * store leaves {@code <key>-<uuid>} out of listings; a real key of that shape is listed as usual
 * when no write to {@code <key>} is under way.
 */
final class CompletedObjectsOnly extends ForwardingBlobStore {
    private static final Pattern UUID_SUFFIX = Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** {@code bucket/key} of each object being written, with how many writes to it are under way. */
    private final Map<String, Integer> writing = new ConcurrentHashMap<>();

    CompletedObjectsOnly(BlobStore store) {
        super(store);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        return whileWriting(request.bucket(), request.key(), () -> super.putBlob(request, content));
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return whileWriting(request.destinationBucket(), request.destinationKey(), () -> super.copyBlob(request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
        return whileWriting(upload.containerName(), upload.blobName(), () -> super.completeMultipartUpload(upload, request));
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        ListObjectsV2Response listed = super.list(request);
        if (writing.isEmpty() || !listed.hasContents()) {
            return listed;
        }
        List<S3Object> completed = listed.contents().stream().filter(o -> !isPartialWrite(request.bucket(), o.key())).toList();
        if (completed.size() == listed.contents().size()) {
            return listed;
        }
        int prefixes = listed.hasCommonPrefixes() ? listed.commonPrefixes().size() : 0;
        return listed.toBuilder().contents(completed).keyCount(completed.size() + prefixes).build();
    }

    private boolean isPartialWrite(String bucket, String key) {
        var suffix = UUID_SUFFIX.matcher(key);
        return suffix.find() && writing.containsKey(bucket + "/" + key.substring(0, suffix.start()));
    }

    private <T> T whileWriting(String bucket, String key, Supplier<T> write) {
        String object = bucket + "/" + key;
        writing.merge(object, 1, Integer::sum);
        try {
            return write.get();
        } finally {
            writing.computeIfPresent(object, (k, count) -> count == 1 ? null : count - 1);
        }
    }
}
