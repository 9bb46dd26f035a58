package io.tributary.security.cloud;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.Stage;
import io.tributary.security.ZonePrincipal;

/**
 * The platform's own role ({@value ZonePrincipal#PLATFORM_USER}): the only one that reads the raw
 * landing archive, and the one that maintains every zone's databases and tables. It is not
 * granted Athena: people query through their zone's analyst or steward role.
 */
public final class PlatformAccess {
    static final List<String> S3_ALL = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload",
            "s3:ListMultipartUploadParts");
    static final List<String> GLUE_ALL = List.of("glue:GetDatabase", "glue:GetDatabases", "glue:CreateDatabase", "glue:UpdateDatabase",
            "glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable", "glue:GetPartition",
            "glue:GetPartitions", "glue:BatchGetPartition", "glue:CreatePartition", "glue:BatchCreatePartition", "glue:DeletePartition",
            "glue:BatchDeletePartition");

    private PlatformAccess() {
    }

    public static String roleName() {
        return ZonePrincipal.PLATFORM_USER;
    }

    public static PolicyDocument policy(CloudSettings settings, List<String> zones) {
        Arns arns = new Arns(settings);
        List<String> databases = new ArrayList<>();
        databases.add(arns.glueCatalog());
        for (String zone : zones) {
            for (Stage stage : CatalogStages.STAGES) {
                databases.add(arns.glueDatabase(LakeLayout.database(zone, stage)));
                databases.add(arns.glueTable(LakeLayout.database(zone, stage), "*"));
            }
        }
        return new PolicyDocument(List.of(
                PolicyStatement.allow("LakeObjects", S3_ALL, List.of(arns.lakeObjects(""))),
                PolicyStatement.allow("LakeBucket", List.of("s3:ListBucket", "s3:GetBucketLocation"), List.of(arns.lakeBucket())),
                PolicyStatement.allow("ZoneCatalogs", GLUE_ALL, databases),
                PolicyStatement.allow("LakeFormationData", IamPolicies.LAKE_FORMATION, List.of("*"))));
    }
}
