package io.tributary.security.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.model.ZoneDescriptor;

class CloudPolicyWriterTest {

    @Test
    void writesOneFolderPerZoneThePlatformsPolicyAndTheTemplate(@TempDir Path dir) {
        CloudPolicyWriter.write(TestZones.write(dir), dir.resolve("out"));
        Path out = dir.resolve("out");
        assertThat(out.resolve("cloudformation.json")).isRegularFile();
        assertThat(out.resolve("lake-bucket-policy.json")).isRegularFile();
        assertThat(out.resolve("tributary-platform/iam-policy.json")).isRegularFile();
        for (String zone : List.of("audit", "finance", "hr")) {
            assertThat(out.resolve(zone)).isDirectoryContaining(p -> p.getFileName().toString().equals("analyst-iam-policy.json"));
            assertThat(Files.exists(out.resolve(zone).resolve("connect-iam-policy.json"))).isTrue();
            assertThat(Files.exists(out.resolve(zone).resolve("steward-iam-policy.json"))).isTrue();
            assertThat(Files.exists(out.resolve(zone).resolve("producer-iam-policy.json"))).as("producers have no cloud role").isFalse();
        }
    }

    @Test
    void everyPolicyFollowsTheIamGrammarWithTheSettingsArns(@TempDir Path dir) {
        CloudSettings settings = CloudSettings.from(Map.of(CloudSettings.REGION, "eu-west-1", CloudSettings.ACCOUNT_ID, "111122223333",
                CloudSettings.LAKE_BUCKET, "acme-lake", CloudSettings.RESULTS_BUCKET, "acme-athena"));
        new CloudPolicyWriter(settings).writeAll(TestZones.write(dir), dir.resolve("out"));
        IamGrammar grammar = new IamGrammar("aws", "eu-west-1", "111122223333");
        Map<String, JsonNode> policies = PolicyFiles.iamPoliciesByPrincipal(dir.resolve("out"));
        assertThat(policies).hasSize(1 + 3 * 3);
        policies.forEach((principal, policy) -> grammar.check(policy, principal));
        grammar.check(PolicyFiles.read(dir.resolve("out/lake-bucket-policy.json")), "bucket policy");
        assertThat(policies.get("finance-analyst").toString()).contains("arn:aws:s3:::acme-lake/staging/finance/*",
                "arn:aws:glue:eu-west-1:111122223333:table/hr_staging/departments", "arn:aws:athena:eu-west-1:111122223333:workgroup/tributary-finance",
                "arn:aws:s3:::acme-athena/finance/*");
    }

    @Test
    void lakeFormationGrantsUseZoneAndStageTagsAndNamePublishedTables(@TempDir Path dir) {
        CloudPolicyWriter.write(TestZones.write(dir), dir.resolve("out"));
        JsonNode audit = PolicyFiles.read(dir.resolve("out/audit/lake-formation-grants.json"));
        String analyst = "arn:aws:iam::123456789012:role/audit-analyst";
        assertThat(audit).anySatisfy(g -> {
            assertThat(g.at("/Principal/DataLakePrincipalIdentifier").asText()).isEqualTo(analyst);
            assertThat(g.at("/Resource/Table/DatabaseName").asText()).isEqualTo("finance_ods");
            assertThat(g.at("/Resource/Table/Name").asText()).isEqualTo("expense");
            assertThat(g.get("Permissions").toString()).isEqualTo("[\"SELECT\",\"DESCRIBE\"]");
        });
        assertThat(audit).anySatisfy(g -> {
            assertThat(g.at("/Principal/DataLakePrincipalIdentifier").asText()).isEqualTo(analyst);
            assertThat(g.at("/Resource/LFTagPolicy/ResourceType").asText()).isEqualTo("TABLE");
            assertThat(g.at("/Resource/LFTagPolicy/Expression").toString()).isEqualTo("[{\"TagKey\":\"tributary_stage\",\"TagValues\":"
                    + "[\"staging\",\"ods\",\"analytical\"]},{\"TagKey\":\"tributary_zone\",\"TagValues\":[\"audit\"]}]");
        });
        // No tag expression of audit's ever names another zone: other zones' data only by name, only if published.
        assertThat(audit).allSatisfy(g -> assertThat(g.at("/Resource/LFTagPolicy/Expression").toString()).doesNotContain("finance", "hr"));
        JsonNode hr = PolicyFiles.read(dir.resolve("out/hr/lake-formation-grants.json"));
        assertThat(hr.toString()).doesNotContain("finance_", "audit_");
    }

    @Test
    void badSettingsNameTheirKey() {
        assertThatThrownBy(() -> CloudSettings.from(Map.of(CloudSettings.ACCOUNT_ID, "12345"))).hasMessageContaining("cloud.account.id '12345'");
        assertThatThrownBy(() -> CloudSettings.from(Map.of(CloudSettings.LAKE_BUCKET, "Lake_Bucket")))
                .hasMessageContaining("cloud.lake.bucket 'Lake_Bucket'");
        assertThatThrownBy(() -> CloudSettings.from(Map.of(CloudSettings.RAW_PREFIX, "raw"))).hasMessageContaining("cloud.lake.raw.prefix");
    }

    @Test
    void anUnknownZoneInPublishesIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        List<ZoneDescriptor> zones = TestZones.write(dir, "nowhere");
        assertThatThrownBy(() -> CloudPolicyWriter.write(zones, dir.resolve("out"))).isInstanceOf(CloudPolicyException.class)
                .hasMessageContaining("finance.yaml").hasMessageContaining("zone 'nowhere'");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
