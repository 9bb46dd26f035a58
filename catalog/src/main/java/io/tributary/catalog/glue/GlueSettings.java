package io.tributary.catalog.glue;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import io.tributary.catalog.table.PartitionProjection;

/**
 * How to reach the Glue Data Catalog, from properties (the sink passes its {@code catalog.*}
 * properties without the prefix):
 *
 * <pre>
 * glue.region             AWS region of the catalog (default us-east-1)
 * glue.endpoint           endpoint override, e.g. a VPC endpoint (default: the region's)
 * glue.catalog.id         the catalog's AWS account id (default: the caller's account)
 * aws.access.key.id       with aws.secret.access.key; empty: the default credential chain
 * aws.secret.access.key
 * projection.start        first day of the dt partition projection, yyyy-MM-dd (default 2020-01-01)
 * </pre>
 */
public record GlueSettings(String region, Optional<URI> endpoint, Optional<String> catalogId, Optional<String> accessKeyId,
        Optional<String> secretAccessKey, PartitionProjection projection) {

    public static final String REGION = "glue.region";
    public static final String ENDPOINT = "glue.endpoint";
    public static final String CATALOG_ID = "glue.catalog.id";
    public static final String ACCESS_KEY_ID = "aws.access.key.id";
    public static final String SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String PROJECTION_START = "projection.start";

    /** @throws IllegalArgumentException naming the property whose value is wrong */
    public static GlueSettings from(Map<String, String> properties) {
        String region = value(properties, REGION).orElse("us-east-1");
        Optional<URI> endpoint = value(properties, ENDPOINT).map(e -> {
            URI uri;
            try {
                uri = URI.create(e);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(ENDPOINT + " '" + e + "' is not a URL: " + ex.getMessage());
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException(ENDPOINT + " '" + e + "' is not an http(s)://host[:port] URL");
            }
            return uri;
        });
        Optional<String> key = value(properties, ACCESS_KEY_ID);
        Optional<String> secret = value(properties, SECRET_ACCESS_KEY);
        if (key.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException(ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " go together: set both, or neither"
                    + " to use the default AWS credential chain");
        }
        PartitionProjection projection = value(properties, PROJECTION_START).map(s -> {
            try {
                return new PartitionProjection(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(PROJECTION_START + " '" + s + "' is not a date (yyyy-MM-dd)");
            }
        }).orElse(PartitionProjection.DEFAULT);
        return new GlueSettings(region, endpoint, value(properties, CATALOG_ID), key, secret, projection);
    }

    private static Optional<String> value(Map<String, String> properties, String key) {
        return Optional.ofNullable(properties.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
