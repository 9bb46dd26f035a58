package io.tributary.security.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which principal may do what on which S3 key, Glue table and Athena workgroup, evaluated over
 * the IAM policy files the writer produces (finance publishes its entity expense to audit; hr
 * publishes departments to finance). A principal without a file has no cloud role: denied.
 */
class CloudAccessTableTest {
    private static final String LAKE = "arn:aws:s3:::tributary-lake";
    private static final String GLUE = "arn:aws:glue:us-east-1:123456789012:";
    private static final String ATHENA = "arn:aws:athena:us-east-1:123456789012:workgroup/";

    @TempDir
    static Path dir;
    private static Map<String, JsonNode> policies;

    @BeforeAll
    static void writePolicies() {
        CloudPolicyWriter.write(TestZones.write(dir), dir.resolve("out"));
        policies = PolicyFiles.iamPoliciesByPrincipal(dir.resolve("out"));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // Own approved stages: readable by the zone's analyst and steward.
                row("finance-analyst", "s3:GetObject", object("staging/finance/expenses/dt=2024-05-01/f.parquet"), true),
                row("finance-analyst", "s3:GetObject", object("ods/finance/expense/f.parquet"), true),
                row("finance-analyst", "s3:GetObject", object("analytical/finance/facts/f.parquet"), true),
                row("finance-analyst", "s3:GetObject", object("rejected/finance/expenses/f.parquet"), false),
                row("finance-steward", "s3:GetObject", object("rejected/finance/expenses/f.parquet"), true),
                row("finance-steward", "s3:GetObject", object("rejected/hr/departments/f.parquet"), false),
                row("finance-analyst", "s3:PutObject", object("staging/finance/expenses/f.parquet"), false),
                // What another zone publishes, and nothing else of it.
                row("finance-analyst", "s3:GetObject", object("staging/hr/departments/dt=2024-05-01/f.parquet"), true),
                row("finance-analyst", "s3:GetObject", object("staging/hr/salaries/f.parquet"), false),
                row("finance-analyst", "s3:GetObject", object("staging/hr/departments_private/f.parquet"), false),
                row("finance-analyst", "s3:GetObject", object("ods/hr/departments/f.parquet"), false),
                row("finance-analyst", "s3:GetObject", object("staging/audit/findings/f.parquet"), false),
                row("audit-analyst", "s3:GetObject", object("ods/finance/expense/f.parquet"), true),
                row("audit-analyst", "s3:GetObject", object("staging/finance/expenses/f.parquet"), false),
                row("audit-analyst", "s3:GetObject", object("ods/finance/expense_history/f.parquet"), false),
                row("hr-analyst", "s3:GetObject", object("ods/finance/expense/f.parquet"), false),
                row("hr-steward", "s3:GetObject", object("staging/finance/expenses/f.parquet"), false),
                // Listing only under readable folders.
                list("finance-analyst", "staging/finance/expenses/", true),
                list("finance-analyst", "staging/hr/departments/dt=2024-05-01/", true),
                list("finance-analyst", "staging/hr/", false),
                list("finance-analyst", "_raw/landing/finance/", false),
                list("audit-analyst", "ods/finance/expense/", true),
                list("audit-analyst", "ods/finance/", false),
                // The zone's sink writes its approved stages, with its checkpoints; rejected is the platform's sink's.
                row("finance-connect", "s3:PutObject", object("staging/finance/expenses/dt=2024-05-01/f.parquet"), true),
                row("finance-connect", "s3:PutObject", object("rejected/finance/expenses/f.parquet"), false),
                row("finance-steward", "s3:GetObject", object("analytical/finance/facts/f.parquet"), false),
                row("finance-steward", "s3:GetObject", object("ods/finance/expense/f.parquet"), true),
                row("finance-connect", "s3:AbortMultipartUpload", object("ods/finance/expense/f.parquet"), true),
                row("finance-connect", "s3:PutObject", object("staging/hr/departments/f.parquet"), false),
                row("finance-connect", "s3:PutObject", object("_raw/landing/finance/expenses/f.avro"), false),
                row("finance-connect", "s3:GetObject", object("_tributary/checkpoints/staging/finance/expenses/t+0.json"), true),
                row("finance-connect", "s3:PutObject", object("_tributary/checkpoints/staging/hr/departments/t+0.json"), false),
                row("finance-connect", "s3:DeleteObject", object("staging/finance/expenses/f.parquet"), false),
                list("finance-connect", "_tributary/checkpoints/ods/finance/", true),
                // Landing's raw archive: the platform's alone.
                row("tributary-platform", "s3:GetObject", object("_raw/landing/finance/expenses/f.avro"), true),
                row("tributary-platform", "s3:PutObject", object("_raw/landing/hr/departments/f.avro"), true),
                row("tributary-platform", "s3:DeleteObject", object("staging/finance/expenses/f.parquet"), true),
                row("tributary-platform", "s3:PutObject", object("rejected/finance/expenses/f.parquet"), true),
                // Stream processors and producers have no cloud role at all.
                row("finance-producer", "s3:PutObject", object("_raw/landing/finance/expenses/f.avro"), false),
                row("finance-validator", "s3:PutObject", object("staging/finance/expenses/f.parquet"), false),
                // Catalog: tables of readable locations; the sink creates and updates its own.
                row("finance-analyst", "glue:GetTable", GLUE + "table/finance_staging/expenses", true),
                row("finance-analyst", "glue:GetTable", GLUE + "table/hr_staging/departments", true),
                row("finance-analyst", "glue:GetTable", GLUE + "table/hr_staging/salaries", false),
                row("finance-analyst", "glue:GetTable", GLUE + "table/finance_rejected/expenses", false),
                row("finance-analyst", "glue:CreateTable", GLUE + "table/finance_staging/expenses", false),
                row("finance-connect", "glue:CreateTable", GLUE + "table/finance_staging/expenses", true),
                row("finance-connect", "glue:CreatePartition", GLUE + "table/hr_staging/departments", false),
                // Athena: the zone's own workgroup only.
                row("finance-analyst", "athena:StartQueryExecution", ATHENA + "tributary-finance", true),
                row("finance-analyst", "athena:StartQueryExecution", ATHENA + "tributary-audit", false),
                row("finance-connect", "athena:StartQueryExecution", ATHENA + "tributary-finance", false),
                row("finance-analyst", "s3:PutObject", "arn:aws:s3:::tributary-athena-results/finance/q1.csv", true),
                row("finance-analyst", "s3:GetObject", "arn:aws:s3:::tributary-athena-results/audit/q1.csv", false));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("table")
    void principalActionResource(String principal, String action, IamSimulator.Request request, boolean expected) {
        assertThat(IamSimulator.allows(policiesOf(principal), request)).as("%s %s %s", principal, action, request).isEqualTo(expected);
    }

    @Test
    void noRoleButThePlatformsReadsLandingOfAnyZone() {
        assertThat(policies.keySet()).contains("tributary-platform", "finance-analyst", "finance-connect", "finance-steward",
                "audit-analyst", "hr-connect");
        for (String zone : List.of("finance", "hr", "audit")) {
            IamSimulator.Request get = new IamSimulator.Request("s3:GetObject", object("_raw/landing/" + zone + "/x/f.avro"), null);
            IamSimulator.Request list = new IamSimulator.Request("s3:ListBucket", LAKE, "_raw/landing/" + zone + "/");
            policies.forEach((principal, policy) -> {
                boolean platform = principal.equals("tributary-platform");
                assertThat(IamSimulator.allows(List.of(policy), get)).as(principal + " reads landing of " + zone).isEqualTo(platform);
                assertThat(IamSimulator.allows(List.of(policy), list)).as(principal + " lists landing of " + zone).isEqualTo(platform);
            });
        }
    }

    @Test
    void theBucketPolicyDeniesLandingToEveryOtherRole() {
        JsonNode bucketPolicy = PolicyFiles.read(dir.resolve("out").resolve(CloudPolicyWriter.BUCKET_POLICY_FILE));
        JsonNode deny = bucketPolicy.get("Statement").get(0);
        assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.get("Resource").get(0).asText()).isEqualTo(LAKE + "/_raw/landing/*");
        assertThat(deny.get("Condition").get("ArnNotLike").get("aws:PrincipalArn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/tributary-platform");
    }

    private static List<JsonNode> policiesOf(String principal) {
        JsonNode policy = policies.get(principal);
        return policy == null ? List.of() : List.of(policy);
    }

    private static Arguments row(String principal, String action, String resource, boolean expected) {
        return Arguments.of(principal, action, new IamSimulator.Request(action, resource, null), expected);
    }

    private static Arguments list(String principal, String prefix, boolean expected) {
        return Arguments.of(principal, "s3:ListBucket", new IamSimulator.Request("s3:ListBucket", LAKE, prefix), expected);
    }

    private static String object(String key) {
        return LAKE + "/" + key;
    }
}
