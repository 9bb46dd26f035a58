package io.tributary.registry.server.security;

import java.util.Optional;

/** Checks a user's name and password (HTTP basic authentication). */
public interface Authenticator {

    /** The principal for these credentials, or empty when the user is unknown or the password wrong. */
    Optional<RegistryPrincipal> authenticate(String name, String password);
}
