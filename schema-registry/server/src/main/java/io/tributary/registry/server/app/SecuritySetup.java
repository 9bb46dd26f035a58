package io.tributary.registry.server.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.api.AccessFilter;
import io.tributary.registry.server.security.AccessPolicy;
import io.tributary.registry.server.security.Authenticator;
import io.tributary.registry.server.security.ReloadingUserStore;
import io.tributary.registry.server.security.UserStore;

/**
 * Builds authentication and authorisation from configuration: {@code authentication.method}
 * (NONE or BASIC, Confluent's key), {@code authentication.realm}, {@code authentication.users.file},
 * {@code authentication.users.reload-interval}, {@code authorization.zones} and {@code authorization.read}.
 */
@Singleton
public class SecuritySetup {
    private static final Logger LOG = LoggerFactory.getLogger(SecuritySetup.class);

    private final AccessPolicy policy;
    private final Authenticator users;
    private final AccessFilter.Realm realm;
    private final AutoCloseable watcher;

    SecuritySetup(@ConfigProperty(name = "authentication.method", defaultValue = "NONE") String method,
            @ConfigProperty(name = "authentication.realm", defaultValue = "SchemaRegistry") String realm,
            @ConfigProperty(name = "authentication.users.file") Optional<String> usersFile,
            @ConfigProperty(name = "authentication.users.reload-interval", defaultValue = "1s") Duration reloadInterval,
            @ConfigProperty(name = "authorization.zones", defaultValue = "false") boolean zones,
            @ConfigProperty(name = "authorization.read", defaultValue = "AUTHENTICATED") String read) {
        this.realm = new AccessFilter.Realm(realm);
        switch (method.trim().toUpperCase(Locale.ROOT)) {
            case "NONE":
                policy = AccessPolicy.open();
                users = UserStore.empty();
                watcher = () -> { };
                break;
            case "BASIC":
                String file = usersFile.filter(f -> !f.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "authentication.method=BASIC needs authentication.users.file (lines 'name: password[,role...]')"));
                policy = new AccessPolicy(true, zones, AccessPolicy.ReadAccess.parse(read));
                ReloadingUserStore store = openUsers(Path.of(file), reloadInterval);
                users = store;
                watcher = store;
                LOG.info("Basic authentication on ({} users from {}, {}); zone authorisation {}; reads: {}", store.size(), file,
                        reloadInterval.isZero() ? "not reloaded" : "re-read on change, checked every " + reloadInterval.toMillis() + " ms",
                        zones ? "on" : "off", read);
                break;
            default:
                throw new IllegalStateException("authentication.method must be NONE or BASIC, not '" + method + "'");
        }
    }

    /** With reloading on, a missing file is expected: the platform writes it after starting the registry. */
    private static ReloadingUserStore openUsers(Path file, Duration reloadInterval) {
        if (reloadInterval.isNegative()) {
            throw new IllegalStateException("authentication.users.reload-interval must be 0 (no reloading) or positive, not "
                    + reloadInterval);
        }
        if (reloadInterval.isZero()) {
            if (!Files.exists(file)) {
                throw new IllegalStateException("The users file " + file + " (authentication.users.file) does not exist, and "
                        + "authentication.users.reload-interval=0 turns reloading off: nobody could ever log in");
            }
            return ReloadingUserStore.open(file);
        }
        return ReloadingUserStore.open(file).watchEvery(reloadInterval);
    }

    @PreDestroy
    void stopWatching() throws Exception {
        watcher.close();
    }

    @Produces
    @Singleton
    AccessPolicy accessPolicy() {
        return policy;
    }

    @Produces
    @Singleton
    Authenticator authenticator() {
        return users;
    }

    @Produces
    @Singleton
    AccessFilter.Realm realm() {
        return realm;
    }
}
