package io.tributary.security.registry;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.cloud.PublishedData;

/**
 * The registry roles of each zone principal (see docs/schema-registry.md, "Access control"):
 * {@code write:<prefix>*} registers under the subjects of the stage a role produces (and reads
 * them), {@code read:<prefix>*} reads. Only a role that writes a stage's topics registers its
 * schemas; nobody but the platform ({@code admin}) deletes subjects or changes compatibility.
 * What another zone publishes to this one is readable subject by subject
 * ({@code read:hr.staging.departments-*}) and nothing else of that zone is.
 *
 * <pre>
 * role           registers            reads
 * producer       landing              (what it registers)
 * validator      staging              landing
 * canonicaliser  ods                  staging, published to the zone
 * analytical     analytical           ods, published to the zone
 * connect        -                    staging, ods, analytical
 * analyst        -                    staging, ods, analytical, published to the zone
 * steward        -                    staging, ods
 * </pre>
 */
public final class RegistryGrants {
    public static final String ADMIN = "admin";

    private RegistryGrants() {
    }

    public static List<String> of(ZoneDescriptor zone, Role role, PublishedData published) {
        String z = zone.zone();
        List<String> roles = new ArrayList<>();
        switch (role) {
            case PRODUCER:
                roles.add(write(z, Stage.LANDING));
                break;
            case VALIDATOR:
                roles.add(write(z, Stage.STAGING));
                roles.add(read(z, Stage.LANDING));
                break;
            case CANONICALISER:
                roles.add(write(z, Stage.ODS));
                roles.add(read(z, Stage.STAGING));
                addPublished(z, published, roles);
                break;
            case ANALYTICAL:
                roles.add(write(z, Stage.ANALYTICAL));
                roles.add(read(z, Stage.ODS));
                addPublished(z, published, roles);
                break;
            case CONNECT:
                approved(z, roles);
                break;
            case STEWARD:
                roles.add(read(z, Stage.STAGING));
                roles.add(read(z, Stage.ODS));
                break;
            case ANALYST:
                approved(z, roles);
                addPublished(z, published, roles);
                break;
            default:
                throw new IllegalArgumentException("no registry grants for role " + role);
        }
        return roles;
    }

    private static void approved(String zone, List<String> roles) {
        roles.add(read(zone, Stage.STAGING));
        roles.add(read(zone, Stage.ODS));
        roles.add(read(zone, Stage.ANALYTICAL));
    }

    private static void addPublished(String zone, PublishedData published, List<String> roles) {
        // '<topic>-' and not '<topic>': finance.ods.expense- must not also match finance.ods.expense_v2-value.
        published.publishedTo(zone).forEach(item -> roles.add("read:" + item.topic() + "-*"));
    }

    private static String write(String zone, Stage stage) {
        return "write:" + zone + "." + stage.id() + ".*";
    }

    private static String read(String zone, Stage stage) {
        return "read:" + zone + "." + stage.id() + ".*";
    }
}
