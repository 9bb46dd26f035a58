package io.tributary.registry.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users allowed in, read from a file in the format Confluent's registry uses for basic
 * authentication (Jetty's realm file): one user a line, {@code name: password[,role...]}. A
 * password may be given as {@code SHA-256:<hex digest>} instead of in clear. Lines starting
 * with {@code #} and blank lines are ignored. Roles are described in {@link RegistryPrincipal}; a
 * malformed {@code read:} or {@code write:} grant is refused with its line.
 */
public final class UserStore implements Authenticator {
    private record User(String password, boolean hashed, Set<String> roles) {
    }

    private static final String SHA256_PREFIX = "SHA-256:";
    private final Map<String, User> users;

    private UserStore(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /** Nobody: authentication is off. */
    public static UserStore empty() {
        return new UserStore(Map.of());
    }

    /** @throws IllegalArgumentException naming the file and line of anything malformed */
    public static UserStore load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file + " (authentication.users.file)", e);
        }
        Map<String, User> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'name: password[,role...]'");
            }
            String name = line.substring(0, colon).trim();
            if (name.chars().anyMatch(Character::isWhitespace)) {
                // Likely a missing colon ("name password:..."): the text is not echoed, it may hold the password.
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": a user name may not contain white space; "
                        + "expected 'name: password[,role...]'");
            }
            String[] parts = line.substring(colon + 1).split(",");
            String password = parts[0].trim();
            if (password.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": user '" + name + "' has no password");
            }
            Set<String> roles = new LinkedHashSet<>();
            for (int p = 1; p < parts.length; p++) {
                if (!parts[p].isBlank()) {
                    roles.add(parts[p].trim());
                }
            }
            try {
                new RegistryPrincipal(name, roles);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": user '" + name + "': " + e.getMessage(), e);
            }
            boolean hashed = password.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length());
            if (hashed) {
                password = password.substring(SHA256_PREFIX.length()).trim().toLowerCase(Locale.ROOT);
            }
            if (users.put(name, new User(password, hashed, roles)) != null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": user '" + name + "' is defined twice");
            }
        }
        return new UserStore(users);
    }

    @Override
    public Optional<RegistryPrincipal> authenticate(String name, String password) {
        User user = users.get(name);
        if (user == null) {
            return Optional.empty();
        }
        String given = user.hashed() ? sha256(password) : password;
        boolean matches = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                user.password().getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.of(new RegistryPrincipal(name, user.roles())) : Optional.empty();
    }

    public int size() {
        return users.size();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
