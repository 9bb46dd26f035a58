package io.tributary.cli.security;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.tributary.cli.UserFacingException;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;

/** Reads a zone and a role given on the command line, naming the roles there are when one is unknown. */
public final class RoleArguments {
    private RoleArguments() {
    }

    public static ZonePrincipal principal(String zone, String role) {
        Role parsed = Role.fromId(role).orElseThrow(() -> new UserFacingException("'" + role + "' is not a role; roles: "
                + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))));
        try {
            return ZonePrincipal.of(zone, parsed);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("'" + zone + "' is not a zone name: " + e.getMessage());
        }
    }
}
