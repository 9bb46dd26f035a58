package io.tributary.registry.server.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.api.AccessFilter;
import io.tributary.registry.server.security.AccessPolicy;
import io.tributary.registry.server.security.UserStore;

/**
 * Builds authentication and authorisation from configuration: {@code authentication.method}
 * (NONE or BASIC, Confluent's key), {@code authentication.realm}, {@code authentication.users.file},
 * {@code authorization.zones} and {@code authorization.read}.
 */
@Singleton
public class SecuritySetup {
    private static final Logger LOG = LoggerFactory.getLogger(SecuritySetup.class);

    private final AccessPolicy policy;
    private final UserStore users;
    private final AccessFilter.Realm realm;

    SecuritySetup(@ConfigProperty(name = "authentication.method", defaultValue = "NONE") String method,
            @ConfigProperty(name = "authentication.realm", defaultValue = "SchemaRegistry") String realm,
            @ConfigProperty(name = "authentication.users.file") Optional<String> usersFile,
            @ConfigProperty(name = "authorization.zones", defaultValue = "false") boolean zones,
            @ConfigProperty(name = "authorization.read", defaultValue = "AUTHENTICATED") String read) {
        this.realm = new AccessFilter.Realm(realm);
        switch (method.trim().toUpperCase(Locale.ROOT)) {
            case "NONE":
                policy = AccessPolicy.open();
                users = UserStore.empty();
                break;
            case "BASIC":
                String file = usersFile.filter(f -> !f.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "authentication.method=BASIC needs authentication.users.file (lines 'name: password[,role...]')"));
                users = UserStore.load(Path.of(file));
                policy = new AccessPolicy(true, zones, AccessPolicy.ReadAccess.parse(read));
                LOG.info("Basic authentication on ({} users from {}); zone authorisation {}; reads: {}", users.size(), file,
                        zones ? "on" : "off", read);
                break;
            default:
                throw new IllegalStateException("authentication.method must be NONE or BASIC, not '" + method + "'");
        }
    }

    @Produces
    @Singleton
    AccessPolicy accessPolicy() {
        return policy;
    }

    @Produces
    @Singleton
    UserStore userStore() {
        return users;
    }

    @Produces
    @Singleton
    AccessFilter.Realm realm() {
        return realm;
    }
}
