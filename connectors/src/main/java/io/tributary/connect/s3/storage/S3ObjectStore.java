package io.tributary.connect.s3.storage;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ObjectStore} over S3 (AWS or any S3-compatible server) with the AWS SDK v2. Every
 * request is retried by the SDK with exponential back-off and jitter ({@code s3.retry.*}); a
 * fault reaches the sink only once the attempts are used up, and its message says so.
 */
public final class S3ObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final int maxAttempts;
    private final boolean conditionalWrites;

    S3ObjectStore(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.partSize = settings.partSize();
        this.maxAttempts = settings.maxAttempts();
        this.conditionalWrites = settings.conditionalWrites();
    }

    public static S3ObjectStore connect(S3Settings settings) {
        return new S3ObjectStore(client(settings), settings);
    }

    static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClient(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .credentialsProvider(credentials(settings))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoff(), settings.maxBackoff()))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.backoff(), settings.maxBackoff()))
                        // A long outage must be waited out by every request, not cut short by a shared budget.
                        .circuitBreakerEnabled(false)
                        .build()));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(),
                    settings.secretKey().orElse("")));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The message of a request that failed for good, saying how often it was tried. */
    String failure(String what, SdkException e) {
        return what + " failed after up to " + maxAttempts + " attempt(s): " + e.getMessage();
    }

    @Override
    public ObjectUpload newUpload(String key, String contentType) {
        return new S3ObjectUpload(this, s3, bucket, key, contentType, partSize);
    }

    @Override
    public List<StoredObject> list(String prefix) {
        List<StoredObject> objects = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                    .contents().forEach(o -> objects.add(new StoredObject(o.key(), o.size())));
        } catch (SdkException e) {
            throw new StorageException(failure("Listing s3://" + bucket + "/" + prefix, e), e);
        }
        return objects;
    }

    @Override
    public byte[] readTail(String key, int bytes) {
        return readRange(key, "bytes=-" + bytes, "the last " + bytes + " bytes");
    }

    @Override
    public byte[] readHead(String key, int bytes) {
        return readRange(key, "bytes=0-" + (bytes - 1), "the first " + bytes + " bytes");
    }

    private byte[] readRange(String key, String range, String what) {
        try {
            return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).range(range).build()).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new StorageException("s3://" + bucket + "/" + key + " does not exist", e);
        } catch (SdkException e) {
            throw new StorageException(failure("Reading " + what + " of s3://" + bucket + "/" + key, e), e);
        }
    }

    @Override
    public Optional<VersionedBytes> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> response = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(new VersionedBytes(response.asByteArray(), response.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageException(failure("Reading s3://" + bucket + "/" + key, e), e);
        }
    }

    @Override
    public String put(String key, byte[] content, String contentType, Precondition precondition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType);
        if (conditionalWrites) {
            if (precondition instanceof Precondition.Absent) {
                request.ifNoneMatch("*");
            } else if (precondition instanceof Precondition.Matching m) {
                request.ifMatch(m.etag());
            }
        }
        try {
            return s3.putObject(request.build(), RequestBody.fromBytes(content)).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                throw new PreconditionFailedException("s3://" + bucket + "/" + key + " was changed by another writer since it was"
                        + " read (" + precondition + " failed)", e);
            }
            throw new StorageException(failure("Writing s3://" + bucket + "/" + key, e), e);
        } catch (SdkException e) {
            throw new StorageException(failure("Writing s3://" + bucket + "/" + key, e), e);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        for (String key : keys) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                LOG.info("Deleted s3://{}/{}", bucket, key);
            } catch (SdkException e) {
                throw new StorageException(failure("Deleting s3://" + bucket + "/" + key, e), e);
            }
        }
    }

    @Override
    public List<PendingUpload> pendingUploads(String prefix) {
        List<PendingUpload> uploads = new ArrayList<>();
        try {
            s3.listMultipartUploadsPaginator(ListMultipartUploadsRequest.builder().bucket(bucket).prefix(prefix).build())
                    .uploads().forEach(u -> uploads.add(new PendingUpload(u.key(), u.uploadId(), u.initiated())));
        } catch (SdkException e) {
            throw new StorageException(failure("Listing the multipart uploads under s3://" + bucket + "/" + prefix, e), e);
        }
        return uploads;
    }

    @Override
    public void abort(PendingUpload upload) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
        } catch (SdkException e) {
            throw new StorageException(failure("Aborting the multipart upload " + upload.uploadId() + " of s3://" + bucket + "/"
                    + upload.key(), e), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
