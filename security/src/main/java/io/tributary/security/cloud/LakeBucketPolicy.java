package io.tributary.security.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lake bucket's own policy: an explicit Deny, so that no role but the platform's reads the
 * raw landing archive even if some identity policy allowed it. Kept out of the template because
 * a bucket has one policy, which the bucket's owner may already manage: merge this statement.
 */
public final class LakeBucketPolicy {
    private LakeBucketPolicy() {
    }

    public static ObjectNode document(CloudSettings settings, ObjectMapper json) {
        Arns arns = new Arns(settings);
        LakeLayout layout = new LakeLayout(settings);
        ObjectNode document = json.createObjectNode();
        document.put("Version", PolicyDocument.VERSION);
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Sid", "RawLandingIsThePlatformsAlone");
        statement.put("Effect", "Deny");
        statement.put("Principal", "*");
        statement.putArray("Action").add("s3:GetObject").add("s3:GetObjectVersion");
        statement.putArray("Resource").add(arns.lakeObjects(layout.rawLandingPrefix()));
        statement.putObject("Condition").putObject("ArnNotLike").put("aws:PrincipalArn", arns.role(PlatformAccess.roleName()));
        return document;
    }
}
