package io.tributary.security.credentials;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A password. It never shows itself: {@link #toString()} is masked, so logs and messages cannot leak it. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a password cannot be empty");
        }
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The password itself, for the few places that must hand it to Kafka or write it to the store. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.length());
    }

    @Override
    public String toString() {
        return "********";
    }
}
