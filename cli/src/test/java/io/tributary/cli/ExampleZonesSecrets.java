package io.tributary.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.CredentialStore;
import io.tributary.security.credentials.Secret;

/** The example zones (examples/zones) and a secrets file for them, as `zones apply` would have left it. */
final class ExampleZonesSecrets {
    static final Path ZONES = Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath();
    static final List<String> ZONE_NAMES = List.of("finance", "hr");

    private ExampleZonesSecrets() {
    }

    /**
     * Writes {@code file} with a password for the platform and for every role of the example zones but the users
     * {@code without}, each role's password given by {@code passwordOf} its user name.
     */
    static Path write(Path file, UnaryOperator<String> passwordOf, String... without) {
        CredentialStore store = CredentialStore.open(file);
        store.put(ZonePrincipal.PLATFORM_USER, Secret.of("platform-pw-0"));
        for (String zone : ZONE_NAMES) {
            for (Role role : Role.values()) {
                String user = ZonePrincipal.of(zone, role).userName();
                if (!List.of(without).contains(user)) {
                    store.put(user, Secret.of(passwordOf.apply(user)));
                }
            }
        }
        return file;
    }
}
