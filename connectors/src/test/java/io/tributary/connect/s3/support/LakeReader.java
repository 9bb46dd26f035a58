package io.tributary.connect.s3.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the lake back the way a consumer of it would: lists and downloads the objects over the
 * S3 API, then queries the Parquet files with DuckDB, an independent SQL engine.
 */
public final class LakeReader implements AutoCloseable {
    private final S3Client s3;
    private final String bucket;

    public LakeReader(String endpoint, String accessKey, String secretKey, String bucket) {
        this.s3 = S3Client.builder().endpointOverride(java.net.URI.create(endpoint)).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(Apache5HttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))).build();
        this.bucket = bucket;
    }

    /** Every key under {@code prefix}, sorted. */
    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).sorted()
                .forEach(keys::add);
        return keys;
    }

    /** Downloads the objects under {@code prefix} into {@code dir}, keeping their keys as paths. */
    public Map<String, Path> download(String prefix, Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        for (String key : keys(prefix)) {
            Path file = dir.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
            files.put(key, file);
        }
        return files;
    }

    /** Rows of {@code sql} run by DuckDB, each as column name → value. */
    public static List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    public S3Client client() {
        return s3;
    }

    @Override
    public void close() {
        s3.close();
    }
}
