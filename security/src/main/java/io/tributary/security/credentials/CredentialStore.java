package io.tributary.security.credentials;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The platform's local secrets file: user name → password, as JSON
 * ({@code {"users": {"finance-producer": "…"}}}). Readable and writable by its owner only
 * ({@code rw-------}): a file that others may read or write is refused, since its passwords may have
 * been seen. Every change rewrites the file atomically (a new owner-only file moved over the old),
 * so a crash leaves the old file or the new one, never half of one.
 */
public final class CredentialStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Secret> passwords;

    private CredentialStore(Path file, Map<String, Secret> passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /** Opens the file, creating an empty owner-only one if there is none. */
    public static CredentialStore open(Path file) {
        if (!Files.exists(file)) {
            CredentialStore store = new CredentialStore(file, new TreeMap<>());
            store.write();
            return store;
        }
        checkOwnerOnly(file);
        return new CredentialStore(file, read(file));
    }

    public Path file() {
        return file;
    }

    public Optional<Secret> password(String user) {
        return Optional.ofNullable(passwords.get(user));
    }

    /** The user's password; a clear error if the file has none. */
    public Secret require(String user) {
        Secret secret = passwords.get(user);
        if (secret == null) {
            throw new CredentialException("No password for user " + user + " in " + file
                    + "; create the zone's credentials first (users in the file: " + passwords.keySet() + ")");
        }
        return secret;
    }

    public Set<String> users() {
        return Set.copyOf(passwords.keySet());
    }

    /** Sets the user's password and writes the file. */
    public synchronized void put(String user, Secret password) {
        passwords.put(user, password);
        write();
    }

    static void checkOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new CredentialException("Cannot read the permissions of the secrets file " + file + ": " + e.getMessage(), e);
        }
        Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
        others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        if (!others.isEmpty()) {
            throw new CredentialException("Refusing the secrets file " + file + ": its permissions are "
                    + PosixFilePermissions.toString(permissions) + ", so users other than its owner may read or change it. "
                    + "Make it owner-only (chmod 600 " + file + ") and, since its passwords may have been seen, rotate them.");
        }
    }

    private static Map<String, Secret> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the file's content, so only the position is kept.
            throw new CredentialException("The secrets file " + file + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new CredentialException("Cannot read the secrets file " + file + ": " + e.getMessage(), e);
        }
        JsonNode users = root == null ? null : root.get("users");
        if (users == null || !users.isObject()) {
            throw new CredentialException("The secrets file " + file + " has no \"users\" object");
        }
        Map<String, Secret> passwords = new TreeMap<>();
        users.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual() || entry.getValue().asText().isEmpty()) {
                throw new CredentialException("The secrets file " + file + ": users." + entry.getKey() + " is not a non-empty string");
            }
            passwords.put(entry.getKey(), Secret.of(entry.getValue().asText()));
        });
        return passwords;
    }

    private void write() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode users = root.putObject("users");
        passwords.forEach((user, secret) -> users.put(user, secret.reveal()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = dir.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(temp);
            // Created owner-only, so the passwords are never in a file others can open, not even for a moment.
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CredentialException("Cannot write the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CredentialStore[" + file + ", users " + passwords.keySet() + "]";
    }
}
