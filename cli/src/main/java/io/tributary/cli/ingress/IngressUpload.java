package io.tributary.cli.ingress;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts a local file into an ingress bucket under {@code <zone>/<dataset>/<file name>}, where the ingress source finds it. */
public final class IngressUpload implements AutoCloseable {
    /** Where a file went. */
    public record Uploaded(String bucket, String key, long size, String eTag) {
        public String url() {
            return "s3://" + bucket + "/" + key;
        }
    }

    private final S3Client s3;
    private final String bucket;

    public IngressUpload(String endpoint, String accessKey, String secretKey, String bucket) {
        this.s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .httpClient(Apache5HttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))).build();
        this.bucket = bucket;
    }

    public static String key(String zone, String dataset, Path file) {
        return zone + "/" + dataset + "/" + file.getFileName();
    }

    /**
     * @throws IllegalArgumentException naming the file or the bucket when the upload cannot be done
     */
    public Uploaded upload(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        try {
            long size = Files.size(file);
            String eTag = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file)).eTag();
            return new Uploaded(bucket, key, size, eTag == null ? "" : eTag.replace("\"", ""));
        } catch (SdkException e) {
            throw new IllegalArgumentException("Cannot upload " + file + " to s3://" + bucket + "/" + key + ": " + e.getMessage()
                    + " (is the local platform up? `tributary up`)", e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
