package io.tributary.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a principal of a zone does. Each step between stages has its own role, so that each can
 * do only what that step needs.
 */
public enum Role {
    /** Teams and systems pushing events or files into the zone's landing topics. */
    PRODUCER,
    /** The validator: landing → staging / rejected. */
    VALIDATOR,
    /** The ods mapping and upsert applications: staging (and reference, published data) → ods. */
    CANONICALISER,
    /** The analytical applications: ods → analytical. */
    ANALYTICAL,
    /** The zone's Kafka Connect sinks of its approved stages. */
    CONNECT,
    /** People reading the zone's approved data. */
    ANALYST,
    /** The zone's data steward: inspects staging and rejected, holds and releases datasets. */
    STEWARD;

    /** The lower-case word used in user names: {@code finance-producer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
