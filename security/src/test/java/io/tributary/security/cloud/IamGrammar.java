package io.tributary.security.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a policy document against the IAM policy grammar, for tests: Version 2012-10-17, a
 * non-empty Statement list, each with a unique alphanumeric Sid, Effect Allow or Deny, actions of
 * known services, resources that are well-formed ARNs of this account and region, bucket actions
 * on bucket ARNs and object actions on object ARNs, conditions with known operators and keys.
 */
final class IamGrammar {
    private static final Set<String> KEYS = Set.of("Sid", "Effect", "Principal", "Action", "Resource", "Condition");
    private static final Pattern ACTION = Pattern.compile("(s3|glue|athena|lakeformation|sts):[A-Z][A-Za-z]+");
    private static final Set<String> BUCKET_ACTIONS = Set.of("s3:ListBucket", "s3:GetBucketLocation");
    private static final Set<String> CONDITION_KEYS = Set.of("s3:prefix", "aws:PrincipalArn");
    private static final Set<String> OPERATORS = Set.of("StringLike", "StringEquals", "ArnNotLike", "ArnLike");

    private final Pattern bucketArn;
    private final Pattern objectArn;
    private final Pattern glueArn;
    private final Pattern athenaArn;
    private final Pattern roleArn;

    IamGrammar(String partition, String region, String account) {
        String p = Pattern.quote(partition);
        String regional = Pattern.quote(region) + ":" + Pattern.quote(account) + ":";
        bucketArn = Pattern.compile("arn:" + p + ":s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        objectArn = Pattern.compile("arn:" + p + ":s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/([A-Za-z0-9_.=+-]+/)*\\*");
        glueArn = Pattern.compile("arn:" + p + ":glue:" + regional + "(catalog|database/[a-z][a-z0-9_]*|table/[a-z][a-z0-9_]*/([a-z][a-z0-9_]*|\\*))");
        athenaArn = Pattern.compile("arn:" + p + ":athena:" + regional + "workgroup/[A-Za-z0-9._-]{1,128}");
        roleArn = Pattern.compile("arn:" + p + ":iam::" + Pattern.quote(account) + ":role/[A-Za-z0-9+=,.@_-]{1,64}");
    }

    void check(JsonNode policy, String name) {
        assertThat(policy.get("Version").asText()).as(name + " Version").isEqualTo("2012-10-17");
        JsonNode statements = policy.get("Statement");
        assertThat(statements.isArray() && statements.size() > 0).as(name + " has statements").isTrue();
        Set<String> sids = new HashSet<>();
        for (JsonNode statement : statements) {
            String where = name + " statement " + statement.path("Sid").asText("?");
            statement.fieldNames().forEachRemaining(k -> assertThat(KEYS).as(where + " key").contains(k));
            assertThat(statement.get("Sid").asText()).as(where).matches("[A-Za-z0-9]+");
            assertThat(sids.add(statement.get("Sid").asText())).as(where + " Sid unique").isTrue();
            assertThat(statement.get("Effect").asText()).as(where).isIn("Allow", "Deny");
            List<String> actions = strings(statement.get("Action"));
            List<String> resources = strings(statement.get("Resource"));
            assertThat(actions).as(where + " actions").isNotEmpty().allMatch(a -> ACTION.matcher(a).matches());
            assertThat(resources).as(where + " resources").isNotEmpty();
            for (String resource : resources) {
                if (resource.equals("*")) {
                    assertThat(actions).as(where + ": '*' only for lakeformation:GetDataAccess").containsOnly("lakeformation:GetDataAccess");
                    continue;
                }
                assertThat(bucketArn.matcher(resource).matches() || objectArn.matcher(resource).matches() || glueArn.matcher(resource).matches()
                        || athenaArn.matcher(resource).matches() || roleArn.matcher(resource).matches()).as(where + " ARN " + resource).isTrue();
                for (String action : actions) {
                    String service = action.substring(0, action.indexOf(':'));
                    assertThat(resource).as(where + ": " + action + " on " + resource).startsWith("arn:" + resource.split(":")[1] + ":" + service + ":");
                    if (service.equals("s3")) {
                        boolean bucket = bucketArn.matcher(resource).matches();
                        assertThat(bucket).as(where + ": " + action + (bucket ? " is an object action on bucket " : " is a bucket action on object ")
                                + resource).isEqualTo(BUCKET_ACTIONS.contains(action));
                    }
                }
            }
            JsonNode condition = statement.get("Condition");
            if (condition != null) {
                condition.fields().forEachRemaining(op -> {
                    assertThat(OPERATORS).as(where + " operator").contains(op.getKey());
                    op.getValue().fieldNames().forEachRemaining(k -> assertThat(CONDITION_KEYS).as(where + " condition key").contains(k));
                });
            }
        }
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return values;
    }
}
