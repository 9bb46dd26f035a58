package io.tributary.registry.server.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells one version of a file from the next without reading it: modification time and size,
 * plus the file's identity (inode), which changes when a writer replaces the file atomically, so
 * that a same-size rewrite within one clock tick is still seen.
 */
record FileStamp(boolean exists, Object fileKey, FileTime modified, long size) {

    static final FileStamp MISSING = new FileStamp(false, null, null, -1);

    /** @throws IOException when the file exists but its attributes cannot be read */
    static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(true, attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }
}
