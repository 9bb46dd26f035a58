package io.tributary.security.cloud;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the platform lives in AWS: partition, region, account, the lake bucket and the bucket of
 * Athena query results, and the lake's prefix of raw landing archives. Standalone policy files
 * need real values; the CloudFormation template uses {@link #template()}, whose values are
 * {@code ${...}} placeholders that CloudFormation fills in (pseudo parameters and template
 * parameters).
 */
public record CloudSettings(String partition, String region, String accountId, String lakeBucket, String resultsBucket,
        String rawPrefix) {

    public static final String PARTITION = "cloud.partition";
    public static final String REGION = "cloud.region";
    public static final String ACCOUNT_ID = "cloud.account.id";
    public static final String LAKE_BUCKET = "cloud.lake.bucket";
    public static final String RESULTS_BUCKET = "cloud.athena.results.bucket";
    public static final String RAW_PREFIX = "cloud.lake.raw.prefix";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_.-]+/)*");

    /** AWS's documentation account and the local platform's bucket names: fine for review, replace to deploy. */
    public static CloudSettings defaults() {
        return new CloudSettings("aws", "us-east-1", "123456789012", "tributary-lake", "tributary-athena-results", "_raw/");
    }

    /** CloudFormation's values: pseudo parameters and the template's own parameters. */
    public static CloudSettings template() {
        return new CloudSettings("${AWS::Partition}", "${AWS::Region}", "${AWS::AccountId}", "${" + CloudFormationTemplate.LAKE_BUCKET_PARAMETER
                + "}", "${" + CloudFormationTemplate.RESULTS_BUCKET_PARAMETER + "}", "_raw/");
    }

    /** Reads the {@code cloud.*} keys; any left out keeps its default. A bad value names its key. */
    public static CloudSettings from(Map<String, String> properties) {
        CloudSettings d = defaults();
        CloudSettings settings = new CloudSettings(properties.getOrDefault(PARTITION, d.partition()), properties.getOrDefault(REGION, d.region()),
                properties.getOrDefault(ACCOUNT_ID, d.accountId()), properties.getOrDefault(LAKE_BUCKET, d.lakeBucket()),
                properties.getOrDefault(RESULTS_BUCKET, d.resultsBucket()), properties.getOrDefault(RAW_PREFIX, d.rawPrefix()));
        check(settings.partition().matches("aws(-cn|-us-gov)?"), PARTITION, settings.partition(), "aws, aws-cn or aws-us-gov");
        check(REGION_NAME.matcher(settings.region()).matches(), REGION, settings.region(), "a region such as eu-west-1");
        check(ACCOUNT.matcher(settings.accountId()).matches(), ACCOUNT_ID, settings.accountId(), "12 digits");
        check(BUCKET.matcher(settings.lakeBucket()).matches(), LAKE_BUCKET, settings.lakeBucket(), "an S3 bucket name (3-63 of a-z 0-9 . -)");
        check(BUCKET.matcher(settings.resultsBucket()).matches(), RESULTS_BUCKET, settings.resultsBucket(),
                "an S3 bucket name (3-63 of a-z 0-9 . -)");
        check(PREFIX.matcher(settings.rawPrefix()).matches() && !settings.rawPrefix().isEmpty(), RAW_PREFIX, settings.rawPrefix(),
                "a key prefix ending in '/', such as _raw/");
        return settings;
    }

    private static void check(boolean ok, String key, String value, String expected) {
        if (!ok) {
            throw new CloudPolicyException(key + " '" + value + "' is not " + expected);
        }
    }
}
