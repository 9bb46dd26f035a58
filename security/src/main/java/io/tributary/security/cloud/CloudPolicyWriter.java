package io.tributary.security.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;

/**
 * Writes the cloud policies of a set of zones ({@code tributary zones cloud <dir>}):
 * <pre>
 * &lt;dir&gt;/cloudformation.json                 the template deploying all of it
 * &lt;dir&gt;/lake-bucket-policy.json             the Deny to merge into the lake bucket's policy
 * &lt;dir&gt;/tributary-platform/iam-policy.json  the platform's policy
 * &lt;dir&gt;/&lt;zone&gt;/&lt;role&gt;-iam-policy.json         connect, analyst, steward
 * &lt;dir&gt;/&lt;zone&gt;/lake-formation-grants.json    the zone's roles' Lake Formation permissions
 * </pre>
 * The standalone files carry the ARNs of {@link CloudSettings}; the template CloudFormation's own.
 */
public final class CloudPolicyWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CloudPolicyWriter.class);
    public static final String TEMPLATE_FILE = "cloudformation.json";
    public static final String BUCKET_POLICY_FILE = "lake-bucket-policy.json";
    public static final String LAKE_FORMATION_FILE = "lake-formation-grants.json";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final CloudSettings settings;

    public CloudPolicyWriter(CloudSettings settings) {
        this.settings = settings;
    }

    /** With {@link CloudSettings#defaults()}: the standalone files name a placeholder account. */
    public static void write(List<ZoneDescriptor> zones, Path dir) {
        new CloudPolicyWriter(CloudSettings.defaults()).writeAll(zones, dir);
    }

    public void writeAll(List<ZoneDescriptor> zones, Path dir) {
        PublishedData published = PublishedData.of(zones);
        IamPolicies iam = new IamPolicies(settings);
        List<String> zoneNames = zones.stream().map(ZoneDescriptor::zone).toList();
        writeJson(dir.resolve(TEMPLATE_FILE), new CloudFormationTemplate(json).build(zones, published));
        writeJson(dir.resolve(BUCKET_POLICY_FILE), LakeBucketPolicy.document(settings, json));
        writeJson(dir.resolve(PlatformAccess.roleName()).resolve("iam-policy.json"), PlatformAccess.policy(settings, zoneNames).toJson(json));
        for (ZoneDescriptor zone : zones) {
            Path zoneDir = dir.resolve(zone.zone());
            ArrayNode grants = json.createArrayNode();
            for (Role role : ZoneCloudAccess.cloudRoles()) {
                ZoneCloudAccess.grant(zone, role, published).ifPresent(grant -> {
                    writeJson(zoneDir.resolve(role.id() + "-iam-policy.json"), iam.policy(grant).toJson(json));
                    LakeFormationGrants.of(grant).forEach(g -> grants.add(lakeFormationJson(g)));
                });
            }
            writeJson(zoneDir.resolve(LAKE_FORMATION_FILE), grants);
            LOG.info("Cloud policies of zone {} written to {} (roles {}, {} Lake Formation grants)", zone.zone(), zoneDir,
                    ZoneCloudAccess.cloudRoles().stream().map(Role::id).toList(), grants.size());
        }
        LOG.info("CloudFormation template of zones {} written to {}", zoneNames, dir.resolve(TEMPLATE_FILE));
    }

    /** The shape of Lake Formation's GrantPermissions request. */
    private ObjectNode lakeFormationJson(LakeFormationGrant grant) {
        Arns arns = new Arns(settings);
        ObjectNode node = json.createObjectNode();
        node.putObject("Principal").put("DataLakePrincipalIdentifier", arns.role(grant.roleName()));
        ObjectNode resource = node.putObject("Resource");
        if (grant.byTags()) {
            ObjectNode policy = resource.putObject("LFTagPolicy");
            policy.put("CatalogId", settings.accountId());
            policy.put("ResourceType", grant.resourceType().name());
            ArrayNode expression = policy.putArray("Expression");
            grant.tags().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                ObjectNode pair = expression.addObject();
                pair.put("TagKey", e.getKey());
                e.getValue().forEach(pair.putArray("TagValues")::add);
            });
        } else {
            ObjectNode table = resource.putObject("Table");
            table.put("CatalogId", settings.accountId());
            table.put("DatabaseName", grant.database());
            table.put("Name", grant.table());
        }
        grant.permissions().forEach(node.putArray("Permissions")::add);
        return node;
    }

    private void writeJson(Path file, JsonNode content) {
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(file.toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
