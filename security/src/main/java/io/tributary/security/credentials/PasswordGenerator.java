package io.tributary.security.credentials;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords: 32 bytes from {@link SecureRandom}, URL-safe Base64 (no quote, comma or '=' to escape anywhere). */
public final class PasswordGenerator {
    private static final int BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    public Secret next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
