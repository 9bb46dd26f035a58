package io.tributary.cli.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.tributary.local.LocalRuntimeException;
import io.tributary.security.credentials.Secret;

/**
 * After the platform user's password is rotated, the local platform's files that hold it: the
 * client properties (CLI and Connect worker), the components' settings and the broker's
 * credentials under {@code secrets/}, and the registry's users file, which holds its SHA-256.
 * Each file naming the old password (or its hash) is rewritten with the new one, owner-only and
 * atomically; the components read them at their next start.
 */
public final class PlatformPasswordFiles {
    private final PlatformLayout layout;

    public PlatformPasswordFiles(PlatformLayout layout) {
        this.layout = layout;
    }

    /** The local platform whose secrets file this is, if it is one (its {@code secrets/} folder beside {@code client.properties}). */
    public static Optional<PlatformPasswordFiles> ofSecretsFile(Path secretsFile) {
        Path folder = secretsFile.toAbsolutePath().getParent();
        if (folder == null || folder.getParent() == null || !folder.getFileName().toString().equals("secrets")) {
            return Optional.empty();
        }
        PlatformLayout layout = new PlatformLayout(folder.getParent());
        return Files.isRegularFile(layout.clientProperties()) && layout.secretsFile().equals(secretsFile.toAbsolutePath())
                ? Optional.of(new PlatformPasswordFiles(layout)) : Optional.empty();
    }

    /** @return the files rewritten */
    public List<Path> replace(Secret oldPassword, Secret newPassword) {
        List<Path> candidates = new ArrayList<>(List.of(layout.clientProperties()));
        try (Stream<Path> files = Files.list(layout.secrets())) {
            files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().forEach(candidates::add);
        } catch (IOException e) {
            throw new LocalRuntimeException("Cannot list " + layout.secrets() + ": " + e.getMessage(), e);
        }
        String oldHash = sha256(oldPassword.reveal());
        String newHash = sha256(newPassword.reveal());
        List<Path> rewritten = new ArrayList<>();
        for (Path file : candidates) {
            String text = read(file);
            String updated = text.replace(oldPassword.reveal(), newPassword.reveal()).replace(oldHash, newHash);
            if (!updated.equals(text)) {
                writeOwnerOnly(file, updated);
                rewritten.add(file);
            }
        }
        return rewritten;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalRuntimeException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) {
        Path temp = file.resolveSibling("." + file.getFileName() + ".new");
        try {
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalRuntimeException("Cannot rewrite " + file + " with the new password: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
