package io.tributary.registry.server.api;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;
import io.tributary.registry.server.security.AccessPolicy;
import io.tributary.registry.server.security.Authenticator;
import io.tributary.registry.server.security.RegistryPrincipal;
import io.tributary.registry.server.security.RequestTarget;
import io.tributary.registry.server.store.SchemaStore;
import io.tributary.registry.server.store.VersionRef;

/**
 * HTTP basic authentication and the access policy, in front of every API call (health and
 * metrics under {@code /q} are served outside the API and stay open for probes). Answers 401
 * (40101, with a {@code WWW-Authenticate} challenge) or 403 (40301) with Confluent's error body.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    @Inject
    AccessPolicy policy;

    @Inject
    Authenticator users;

    @Inject
    Realm realm;

    @Inject
    SchemaStore store;

    /** The realm named in the 401 challenge ({@code authentication.realm}). */
    public record Realm(String name) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!policy.authenticationOn()) {
            return;
        }
        RegistryPrincipal principal = null;
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            principal = authenticate(header).orElse(null);
            if (principal == null) {
                LOG.info("Refused {} {}: bad credentials", request.getMethod(), request.getUriInfo().getPath());
                request.abortWith(unauthorized("Invalid credentials: unknown user or wrong password."));
                return;
            }
        }
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(PathSegment::getPath).toList();
        RequestTarget target = RequestTarget.of(request.getMethod(), segments);
        AccessPolicy.Decision decision = policy.decide(target, principal, this::subjectsOfId);
        switch (decision.outcome()) {
            case UNAUTHENTICATED:
                request.abortWith(unauthorized(decision.reason()));
                return;
            case FORBIDDEN:
                LOG.info("Refused {} {} to user {}: {}", request.getMethod(), request.getUriInfo().getPath(),
                        principal == null ? "(anonymous)" : principal.name(), decision.reason());
                request.abortWith(ErrorResponses.of(ErrorCode.FORBIDDEN.httpStatus(), ErrorCode.FORBIDDEN.code(), decision.reason()));
                return;
            default:
                if (principal != null) {
                    request.setSecurityContext(new UserContext(principal, request.getSecurityContext().isSecure()));
                }
        }
    }

    private Optional<RegistryPrincipal> authenticate(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private List<String> subjectsOfId(int id) {
        try {
            return store.versionsOfId(id, true).stream().map(VersionRef::subject).distinct().toList();
        } catch (RegistryException e) {
            return List.of();
        }
    }

    private Response unauthorized(String message) {
        Response error = ErrorResponses.of(ErrorCode.UNAUTHORIZED.httpStatus(), ErrorCode.UNAUTHORIZED.code(), message);
        return Response.fromResponse(error).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm.name() + "\"").build();
    }

    private record UserContext(RegistryPrincipal principal, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.roles().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
