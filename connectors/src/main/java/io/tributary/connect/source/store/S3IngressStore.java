package io.tributary.connect.source.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

import io.tributary.connect.s3.storage.S3Settings;
import io.tributary.connect.s3.storage.StorageException;

/**
 * {@link IngressStore} over S3 or any S3-compatible server (AWS SDK v2, apache5 client, path-style
 * access with an endpoint), with the same retry policy as the sink: the SDK retries each request
 * with exponential back-off; a fault reaches the source once the attempts are used up.
 */
public final class S3IngressStore implements IngressStore {
    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final String bucket;
    private final int maxAttempts;

    private S3IngressStore(S3Client s3, String bucket, int maxAttempts) {
        this.s3 = s3;
        this.bucket = bucket;
        this.maxAttempts = maxAttempts;
    }

    public static S3IngressStore connect(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClient(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build())
                .credentialsProvider(credentials(settings))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoff(), settings.maxBackoff()))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.backoff(), settings.maxBackoff()))
                        .circuitBreakerEnabled(false)
                        .build()));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true));
        return new S3IngressStore(builder.build(), settings.bucket(), settings.maxAttempts());
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElse("")));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private StorageException failure(String what, SdkException e) {
        return new StorageException(what + " failed after up to " + maxAttempts + " attempt(s): " + e.getMessage(), e);
    }

    @Override
    public List<IngressObject> list(String prefix) {
        List<IngressObject> objects = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents()
                    .forEach(o -> objects.add(new IngressObject(o.key(), o.eTag(), o.size(), o.lastModified())));
        } catch (SdkException e) {
            throw failure("Listing s3://" + bucket + "/" + prefix, e);
        }
        return objects;
    }

    @Override
    public Optional<IngressObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new IngressObject(key, head.eTag(), head.contentLength(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw failure("Reading the metadata of s3://" + bucket + "/" + key, e);
        } catch (SdkException e) {
            throw failure("Reading the metadata of s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public boolean download(String key, String eTag, Path target) {
        try {
            Files.deleteIfExists(target);
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.deleteIfExists(partial);
            s3.getObject(b -> b.bucket(bucket).key(key).ifMatch("\"" + eTag + "\""), ResponseTransformer.toFile(partial));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND || e.statusCode() == PRECONDITION_FAILED) {
                return false;
            }
            throw failure("Reading s3://" + bucket + "/" + key, e);
        } catch (SdkException e) {
            throw failure("Reading s3://" + bucket + "/" + key, e);
        } catch (java.io.IOException e) {
            throw new StorageException("Cannot write the local copy " + target + " of s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void move(String key, String targetKey) {
        try {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(targetKey));
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("Moving s3://" + bucket + "/" + key + " to " + targetKey, e);
        }
    }

    @Override
    public void tag(String key, Map<String, String> tags) {
        List<Tag> tagSet = tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
        try {
            s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(tagSet)));
        } catch (SdkException e) {
            throw failure("Tagging s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
