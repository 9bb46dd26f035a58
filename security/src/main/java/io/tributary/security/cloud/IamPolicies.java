package io.tributary.security.cloud;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link CloudGrant} as an IAM policy: S3 object actions on the locations' prefixes,
 * listing the bucket only under them (an {@code s3:prefix} condition), Glue catalog reads or the
 * sink's catalog writes on the locations' databases and tables, Athena in the zone's workgroup
 * with its results folder. Bucket actions name the bucket ARN, object actions object ARNs.
 */
public final class IamPolicies {
    static final List<String> S3_READ = List.of("s3:GetObject");
    static final List<String> S3_WRITE = List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
    static final List<String> S3_CHECKPOINT = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
    static final List<String> GLUE_READ = List.of("glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables",
            "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition");
    static final List<String> GLUE_WRITE = List.of("glue:GetDatabase", "glue:CreateDatabase", "glue:GetTable", "glue:CreateTable",
            "glue:UpdateTable", "glue:GetPartition", "glue:GetPartitions", "glue:CreatePartition", "glue:BatchCreatePartition");
    static final List<String> ATHENA = List.of("athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution",
            "athena:GetQueryResults", "athena:GetQueryResultsStream", "athena:ListQueryExecutions", "athena:BatchGetQueryExecution",
            "athena:GetWorkGroup");
    static final List<String> LAKE_FORMATION = List.of("lakeformation:GetDataAccess");

    private final Arns arns;
    private final LakeLayout layout;

    public IamPolicies(CloudSettings settings) {
        this.arns = new Arns(settings);
        this.layout = new LakeLayout(settings);
    }

    public PolicyDocument policy(CloudGrant grant) {
        List<PolicyStatement> statements = new ArrayList<>();
        List<LakeLocation> readable = new ArrayList<>(grant.reads());
        readable.addAll(grant.writes());
        if (!grant.reads().isEmpty()) {
            statements.add(PolicyStatement.allow("ReadLakeObjects", S3_READ, objects(grant.reads())));
        }
        if (!grant.writes().isEmpty()) {
            statements.add(PolicyStatement.allow("WriteLakeObjects", S3_WRITE, objects(grant.writes())));
            statements.add(PolicyStatement.allow("SinkCheckpoints", S3_CHECKPOINT,
                    grant.writes().stream().map(l -> arns.lakeObjects(layout.checkpointPrefix(l.stage(), l.zone()))).toList()));
        }
        List<String> listable = new ArrayList<>(readable.stream().map(l -> l.prefix(layout) + "*").toList());
        grant.writes().forEach(l -> listable.add(layout.checkpointPrefix(l.stage(), l.zone()) + "*"));
        statements.add(PolicyStatement.allow("ListLakeFolders", List.of("s3:ListBucket"), List.of(arns.lakeBucket()))
                .when("StringLike", "s3:prefix", distinct(listable)));
        if (!grant.reads().isEmpty()) {
            statements.add(PolicyStatement.allow("ReadCatalog", GLUE_READ, catalogResources(grant.reads())));
        }
        if (!grant.writes().isEmpty()) {
            statements.add(PolicyStatement.allow("WriteCatalog", GLUE_WRITE, catalogResources(grant.writes())));
        }
        statements.add(PolicyStatement.allow("LakeFormationData", LAKE_FORMATION, List.of("*")));
        if (grant.queries()) {
            String results = LakeLayout.resultsPrefix(grant.zone());
            statements.add(PolicyStatement.allow("QueryInZoneWorkgroup", ATHENA, List.of(arns.athenaWorkgroup(LakeLayout.workgroup(grant.zone())))));
            statements.add(PolicyStatement.allow("QueryResults", List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"),
                    List.of(arns.resultsObjects(results))));
            statements.add(PolicyStatement.allow("ListQueryResults", List.of("s3:ListBucket"), List.of(arns.resultsBucket()))
                    .when("StringLike", "s3:prefix", List.of(results + "*")));
            // Athena asks where both buckets are; the request carries no prefix to condition on.
            statements.add(PolicyStatement.allow("BucketLocations", List.of("s3:GetBucketLocation"),
                    List.of(arns.lakeBucket(), arns.resultsBucket())));
        }
        return new PolicyDocument(statements);
    }

    private List<String> objects(List<LakeLocation> locations) {
        return distinct(locations.stream().map(l -> arns.lakeObjects(l.prefix(layout))).toList());
    }

    /** Glue checks the catalog, the database and the table of each call. */
    private List<String> catalogResources(List<LakeLocation> locations) {
        Set<String> resources = new LinkedHashSet<>();
        resources.add(arns.glueCatalog());
        for (LakeLocation location : locations) {
            resources.add(arns.glueDatabase(location.database()));
            resources.add(arns.glueTable(location.database(), location.wholeStage() ? "*" : location.dataset()));
        }
        return List.copyOf(resources);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
