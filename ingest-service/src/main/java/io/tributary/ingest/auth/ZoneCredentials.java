package io.tributary.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Access by zone credential: a request carries {@code Authorization: Basic <user:password>} or
 * {@code Authorization: Bearer <token>}; it may write to the zones whose credentials include it.
 */
public final class ZoneCredentials implements ZoneAccess {
    private final List<Credential> credentials;

    public ZoneCredentials(List<Credential> credentials) {
        this.credentials = List.copyOf(credentials);
    }

    @Override
    public AccessDecision decide(String zone, String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return AccessDecision.unauthenticated("no credential: send Authorization: Basic or Bearer with a credential of zone " + zone);
        }
        String[] parts = authorizationHeader.trim().split("\\s+", 2);
        if (parts.length != 2) {
            return AccessDecision.unauthenticated("the Authorization header is not 'Basic <base64>' or 'Bearer <token>'");
        }
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        Credential.Type type;
        String name = "";
        String secret;
        if (scheme.equals("bearer")) {
            type = Credential.Type.TOKEN;
            secret = parts[1];
        } else if (scheme.equals("basic")) {
            type = Credential.Type.BASIC;
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return AccessDecision.unauthenticated("the Basic credential is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return AccessDecision.unauthenticated("the Basic credential is not 'user:password'");
            }
            name = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        } else {
            return AccessDecision.unauthenticated("unsupported Authorization scheme '" + parts[0] + "': use Basic or Bearer");
        }
        Credential otherZone = null;
        for (Credential c : credentials) {
            if (c.matches(type, name, secret)) {
                if (c.zone().equals(zone)) {
                    return AccessDecision.granted(c.principal());
                }
                otherZone = c;
            }
        }
        if (otherZone != null) {
            return AccessDecision.forbidden(otherZone.principal(), "the credential is one of zone " + otherZone.zone()
                    + ", not of zone " + zone);
        }
        return AccessDecision.unauthenticated("the credential is not known");
    }

    @Override
    public String describe() {
        long zones = credentials.stream().map(Credential::zone).distinct().count();
        return "zone credentials: " + credentials.size() + " credential(s) for " + zones + " zone(s)";
    }

    public List<Credential> credentials() {
        return credentials;
    }
}
