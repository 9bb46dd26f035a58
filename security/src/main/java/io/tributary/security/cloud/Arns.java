package io.tributary.security.cloud;

/** The ARNs of the platform's resources, from the settings. */
public final class Arns {
    private final CloudSettings settings;

    public Arns(CloudSettings settings) {
        this.settings = settings;
    }

    public String bucket(String bucket) {
        return "arn:" + settings.partition() + ":s3:::" + bucket;
    }

    /** Every object under {@code prefix} ({@code prefix} ends in '/' or is empty for the whole bucket). */
    public String objects(String bucket, String prefix) {
        return bucket(bucket) + "/" + prefix + "*";
    }

    public String lakeBucket() {
        return bucket(settings.lakeBucket());
    }

    public String lakeObjects(String prefix) {
        return objects(settings.lakeBucket(), prefix);
    }

    public String resultsBucket() {
        return bucket(settings.resultsBucket());
    }

    public String resultsObjects(String prefix) {
        return objects(settings.resultsBucket(), prefix);
    }

    public String glueCatalog() {
        return regional("glue") + "catalog";
    }

    public String glueDatabase(String database) {
        return regional("glue") + "database/" + database;
    }

    /** A table, or every table of the database with {@code table = "*"}. */
    public String glueTable(String database, String table) {
        return regional("glue") + "table/" + database + "/" + table;
    }

    public String athenaWorkgroup(String workgroup) {
        return regional("athena") + "workgroup/" + workgroup;
    }

    public String role(String name) {
        return "arn:" + settings.partition() + ":iam::" + settings.accountId() + ":role/" + name;
    }

    private String regional(String service) {
        return "arn:" + settings.partition() + ":" + service + ":" + settings.region() + ":" + settings.accountId() + ":";
    }
}
