package io.tributary.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One credential of a zone: a user with a password (HTTP Basic) or a named bearer token. The
 * secret is kept as written in the credentials file: plain text, or {@code {sha256}<hex>} so the
 * file need not hold the secret itself. Comparison takes the same time whatever matches.
 */
public record Credential(String zone, Type type, String name, String storedSecret) {
    public enum Type { BASIC, TOKEN }

    private static final String SHA256 = "{sha256}";

    public boolean matches(Type presentedType, String presentedName, String presentedSecret) {
        if (presentedType != type) {
            return false;
        }
        if (type == Type.BASIC && !name.equals(presentedName)) {
            return false;
        }
        byte[] expected;
        byte[] actual;
        if (storedSecret.regionMatches(true, 0, SHA256, 0, SHA256.length())) {
            expected = HexFormat.of().parseHex(storedSecret.substring(SHA256.length()).toLowerCase(Locale.ROOT));
            actual = sha256(presentedSecret);
        } else {
            expected = storedSecret.getBytes(StandardCharsets.UTF_8);
            actual = presentedSecret.getBytes(StandardCharsets.UTF_8);
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** How logs name it: never the secret. */
    public String principal() {
        return zone + "/" + (type == Type.BASIC ? "user:" : "token:") + name;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
