package io.tributary.cli.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.tributary.model.ClientSettings;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.acl.AclApplier;
import io.tributary.security.acl.AclPlan;
import io.tributary.security.acl.AclPlanner;
import io.tributary.security.acl.ZoneAcls;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.ScramCredentials;

/**
 * The security half of {@code zones plan|apply}: the ACL diff of the descriptors against the
 * cluster, and on apply the SCRAM credentials of every zone principal (kept in the secrets file)
 * then the ACLs. Only a cluster that authenticates its clients has ACLs to manage.
 */
public final class ZoneSecurity implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    private ZoneSecurity(Admin admin) {
        this.admin = admin;
    }

    public static ZoneSecurity connect(ClientSettings settings) {
        Map<String, Object> config = settings.asConfig();
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-zone-security");
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return new ZoneSecurity(Admin.create(config));
    }

    /** Whether these client settings authenticate (SASL): an open cluster has no principals to give ACLs to. */
    public static boolean authenticates(ClientSettings settings) {
        String protocol = settings.asMap().getOrDefault("security.protocol", "PLAINTEXT").toUpperCase(Locale.ROOT);
        return protocol.startsWith("SASL");
    }

    public AclPlan plan(List<ZoneDescriptor> zones) {
        return new AclPlanner(admin, TIMEOUT).plan(zones);
    }

    /**
     * Creates the missing credentials (new passwords go to {@code secrets} first), then converges the ACLs.
     *
     * @return the users whose credential was set on the cluster
     */
    public List<String> apply(List<ZoneDescriptor> zones, AclPlan plan, CredentialStore secrets) {
        List<ZonePrincipal> principals = ZoneAcls.principals(zones);
        List<String> set = new ScramCredentials(admin, secrets, TIMEOUT).ensure(principals);
        new AclApplier(admin, TIMEOUT).apply(plan);
        return set;
    }

    public void rotate(ZonePrincipal principal, CredentialStore secrets) {
        new ScramCredentials(admin, secrets, TIMEOUT).rotate(principal);
    }

    /** A new password for the platform's own user, in the secrets file and on the cluster. */
    public void rotatePlatform(CredentialStore secrets) {
        new ScramCredentials(admin, secrets, TIMEOUT).rotatePlatform();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
