package io.tributary.connect.s3.storage;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** {@link ObjectStore} over S3 (AWS or any S3-compatible server) with the AWS SDK v2. */
public final class S3ObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    S3ObjectStore(S3Client s3, String bucket, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    public static S3ObjectStore connect(S3Settings settings) {
        return new S3ObjectStore(client(settings), settings.bucket(), settings.partSize());
    }

    static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClient(Apache5HttpClient.builder().build())
                .credentialsProvider(credentials(settings));
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

    @Override
    public ObjectUpload newUpload(String key) {
        return new S3ObjectUpload(s3, bucket, key, partSize);
    }

    @Override
    public List<StoredObject> list(String prefix) {
        List<StoredObject> objects = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                    .contents().forEach(o -> objects.add(new StoredObject(o.key(), o.size())));
        } catch (SdkException e) {
            throw new StorageException("Listing s3://" + bucket + "/" + prefix + " failed: " + e.getMessage(), e);
        }
        return objects;
    }

    @Override
    public byte[] readTail(String key, int bytes) {
        try {
            return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).range("bytes=-" + bytes).build())
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new StorageException("s3://" + bucket + "/" + key + " does not exist", e);
        } catch (SdkException e) {
            throw new StorageException("Reading the last " + bytes + " bytes of s3://" + bucket + "/" + key + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        for (String key : keys) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                LOG.info("Deleted s3://{}/{}", bucket, key);
            } catch (SdkException e) {
                throw new StorageException("Deleting s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
