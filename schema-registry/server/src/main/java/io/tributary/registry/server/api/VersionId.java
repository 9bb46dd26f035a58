package io.tributary.registry.server.api;

import io.tributary.registry.server.error.RegistryException;

/** A version path segment: a number from 1 to 2^31-1, or "latest" (also written -1, as Confluent allows). */
record VersionId(int number) {
    static final VersionId LATEST = new VersionId(-1);

    boolean isLatest() {
        return number == -1;
    }

    /** @throws RegistryException 42202 for anything else */
    static VersionId parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return LATEST;
        }
        try {
            int n = Integer.parseInt(text);
            if (n == -1) {
                return LATEST;
            }
            if (n >= 1) {
                return new VersionId(n);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw RegistryException.invalidVersion(text);
    }
}
