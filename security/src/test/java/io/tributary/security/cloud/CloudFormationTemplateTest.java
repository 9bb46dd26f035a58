package io.tributary.security.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The template's structure: known resource types with their required properties, every Ref,
 * GetAtt, DependsOn and ${...} of Fn::Sub pointing at something that exists; and its IAM
 * policies, once CloudFormation's values are substituted, grant what the standalone files grant.
 */
class CloudFormationTemplateTest {
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "AWS::IAM::Role", List.of("RoleName", "AssumeRolePolicyDocument", "ManagedPolicyArns"),
            "AWS::IAM::ManagedPolicy", List.of("PolicyDocument"),
            "AWS::Glue::Database", List.of("CatalogId", "DatabaseInput"),
            "AWS::Athena::WorkGroup", List.of("Name"),
            "AWS::LakeFormation::Tag", List.of("TagKey", "TagValues"),
            "AWS::LakeFormation::TagAssociation", List.of("Resource", "LFTags"),
            "AWS::LakeFormation::PrincipalPermissions", List.of("Principal", "Resource", "Permissions", "PermissionsWithGrantOption"));
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::Region", "AWS::Partition");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    @TempDir
    static Path dir;
    private static JsonNode template;
    private static JsonNode resources;

    @BeforeAll
    static void write() {
        CloudPolicyWriter.write(TestZones.write(dir), dir.resolve("out"));
        template = PolicyFiles.read(dir.resolve("out/cloudformation.json"));
        resources = template.get("Resources");
    }

    @Test
    void resourcesHaveKnownTypesAndTheirRequiredProperties() {
        assertThat(template.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        resources.fields().forEachRemaining(e -> {
            String type = e.getValue().get("Type").asText();
            assertThat(e.getKey()).matches("[A-Za-z0-9]+");
            assertThat(REQUIRED).as(e.getKey()).containsKey(type);
            REQUIRED.get(type).forEach(p -> assertThat(e.getValue().get("Properties").has(p)).as(e.getKey() + "." + p).isTrue());
        });
        assertThat(ofType("AWS::IAM::Role")).extracting(r -> r.at("/Properties/RoleName").asText()).containsExactlyInAnyOrder(
                "tributary-platform", "audit-connect", "audit-analyst", "audit-steward", "finance-connect", "finance-analyst",
                "finance-steward", "hr-connect", "hr-analyst", "hr-steward");
        assertThat(ofType("AWS::Glue::Database")).extracting(r -> r.at("/Properties/DatabaseInput/Name").asText())
                .contains("finance_staging", "finance_rejected", "finance_ods", "finance_analytical", "hr_ods").doesNotContain("finance_landing");
        assertThat(ofType("AWS::Athena::WorkGroup")).extracting(r -> r.at("/Properties/Name").asText())
                .containsExactlyInAnyOrder("tributary-audit", "tributary-finance", "tributary-hr");
    }

    @Test
    void everyReferencePointsAtSomethingThatExists() {
        Set<String> names = new HashSet<>(PSEUDO);
        template.get("Parameters").fieldNames().forEachRemaining(names::add);
        resources.fieldNames().forEachRemaining(names::add);
        List<String> problems = new ArrayList<>();
        walk(template, node -> {
            if (node.has("Ref") && !names.contains(node.get("Ref").asText())) {
                problems.add("Ref " + node.get("Ref"));
            }
            if (node.has("Fn::GetAtt") && !resources.has(node.get("Fn::GetAtt").get(0).asText())) {
                problems.add("GetAtt " + node.get("Fn::GetAtt"));
            }
            if (node.has("Fn::Sub")) {
                Matcher m = VARIABLE.matcher(node.get("Fn::Sub").asText());
                while (m.find()) {
                    if (!names.contains(m.group(1))) {
                        problems.add("Fn::Sub ${" + m.group(1) + "}");
                    }
                }
            }
            if (node.has("DependsOn")) {
                node.get("DependsOn").forEach(d -> {
                    if (!resources.has(d.asText())) {
                        problems.add("DependsOn " + d);
                    }
                });
            }
        });
        assertThat(problems).isEmpty();
        // A ${...} outside Fn::Sub would reach AWS literally.
        List<String> literal = new ArrayList<>();
        walkText(template, false, literal);
        assertThat(literal).isEmpty();
    }

    @Test
    void tagGrantsWaitForTheTagsAndEveryZoneDatabaseCarriesItsZoneAndStage() {
        for (JsonNode grant : ofType("AWS::LakeFormation::PrincipalPermissions")) {
            if (grant.at("/Properties/Resource").has("LFTagPolicy")) {
                assertThat(grant.get("DependsOn").toString()).contains("ZoneTag", "StageTag");
            }
        }
        List<JsonNode> associations = ofType("AWS::LakeFormation::TagAssociation");
        assertThat(associations).hasSize(3 * 4);
        assertThat(associations).anySatisfy(a -> {
            assertThat(a.at("/Properties/Resource/Database/Name").asText()).isEqualTo("hr_staging");
            assertThat(a.at("/Properties/LFTags").toString()).contains("\"TagKey\":\"tributary_zone\",\"TagValues\":[\"hr\"]",
                    "\"TagKey\":\"tributary_stage\",\"TagValues\":[\"staging\"]");
        });
    }

    @Test
    void theTemplatesPoliciesGrantWhatTheStandaloneFilesGrant() {
        Map<String, JsonNode> standalone = PolicyFiles.iamPoliciesByPrincipal(dir.resolve("out"));
        IamGrammar grammar = new IamGrammar("aws", "us-east-1", "123456789012");
        for (JsonNode policy : ofType("AWS::IAM::ManagedPolicy")) {
            String name = policy.at("/Properties/ManagedPolicyName").asText().replaceFirst("-policy$", "");
            JsonNode resolved = resolve(policy.at("/Properties/PolicyDocument"));
            grammar.check(resolved, "template policy of " + name);
            assertThat(resolved).as(name).isEqualTo(standalone.get(name));
        }
    }

    private static List<JsonNode> ofType(String type) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(r -> {
            if (r.get("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        return found;
    }

    /** CloudFormation's substitution with the values the standalone files were written with. */
    private static JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.has("Fn::Sub")) {
            return new TextNode(node.get("Fn::Sub").asText().replace("${AWS::Partition}", "aws").replace("${AWS::Region}", "us-east-1")
                    .replace("${AWS::AccountId}", "123456789012").replace("${LakeBucket}", "tributary-lake")
                    .replace("${AthenaResultsBucket}", "tributary-athena-results"));
        }
        if (node.isObject()) {
            ObjectNode copy = PolicyFiles.JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = PolicyFiles.JSON.createArrayNode();
            node.forEach(n -> copy.add(resolve(n)));
            return copy;
        }
        return node;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(node);
        }
        node.forEach(child -> walk(child, visitor));
    }

    private static void walkText(JsonNode node, boolean insideSub, List<String> literal) {
        if (node.isTextual() && !insideSub && node.asText().contains("${")) {
            literal.add(node.asText());
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walkText(e.getValue(), e.getKey().equals("Fn::Sub"), literal));
        } else {
            node.forEach(child -> walkText(child, false, literal));
        }
    }
}
