package io.tributary.registry.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of a users file that may change while the registry runs (the platform writes it after
 * the registry has started, and again whenever a zone's credentials are rotated), as Jetty's
 * {@code PropertyUserStore} with hot reload does. {@link #checkForChanges()} re-reads the file
 * when its stamp ({@link FileStamp}) changed; {@link #watchEvery(Duration)} runs that check on a
 * background thread, so that requests never wait for the file system.
 * <p>
 * A missing file means no users (every request 401) until it appears; a file that becomes
 * malformed or disappears keeps the users last read, and is read again at its next change.
 * Log lines name the file and count users; they never hold a password or hash.
 */
public final class ReloadingUserStore implements Authenticator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingUserStore.class);

    private final Path file;
    private volatile UserStore current;
    // Only the checking thread (or a test) writes this.
    private FileStamp seen;
    private ScheduledExecutorService watcher;

    private ReloadingUserStore(Path file, UserStore current, FileStamp seen) {
        this.file = file;
        this.current = current;
        this.seen = seen;
    }

    /**
     * Reads the file now. A missing file starts with no users (WARN); a malformed one fails, so that
     * the registry does not start on a broken configuration.
     *
     * @throws IllegalArgumentException naming the file and line of anything malformed
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static ReloadingUserStore open(Path file) {
        FileStamp stamp = stampOf(file);
        if (!stamp.exists()) {
            LOG.warn("Users file {} (authentication.users.file) does not exist yet: every request is refused (401) "
                    + "until it is written", file);
            return new ReloadingUserStore(file, UserStore.empty(), stamp);
        }
        return new ReloadingUserStore(file, UserStore.load(file), stamp);
    }

    /** Checks the file every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized ReloadingUserStore watchEvery(Duration interval) {
        if (watcher != null) {
            throw new IllegalStateException("Already watching " + file);
        }
        watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "users-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        watcher.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Re-reads the file if it changed since the last check.
     *
     * @return true when new users took effect
     */
    public synchronized boolean checkForChanges() {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
        } catch (IOException e) {
            if (seen != null) {
                LOG.error("Users file {} cannot be examined ({}); keeping the {} users last read", file, e.getMessage(),
                        current.size());
            }
            seen = null; // unknown: logged once, read again as soon as it can be examined
            return false;
        }
        if (stamp.equals(seen)) {
            return false;
        }
        // The stamp is taken before reading: a change during the read is seen at the next check.
        seen = stamp;
        if (!stamp.exists()) {
            LOG.warn("Users file {} was removed; keeping the {} users last read until it is written again", file, current.size());
            return false;
        }
        try {
            UserStore loaded = UserStore.load(file);
            current = loaded;
            LOG.info("Users file {} reloaded: {} users", file, loaded.size());
            return true;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // The messages start with the file and line and name the user, never the password part of a line.
            LOG.error("Users file not reloaded, keeping the {} users last read: {}", current.size(), e.getMessage());
            return false;
        }
    }

    @Override
    public Optional<RegistryPrincipal> authenticate(String name, String password) {
        return current.authenticate(name, password);
    }

    /** The number of users in effect. */
    public int size() {
        return current.size();
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    private void checkQuietly() {
        try {
            checkForChanges();
        } catch (RuntimeException e) {
            // An exception would cancel the schedule: keep watching.
            LOG.error("Checking users file {} failed: {}", file, e.toString());
        }
    }

    private static FileStamp stampOf(Path file) {
        try {
            return FileStamp.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file + " (authentication.users.file): " + e.getMessage(), e);
        }
    }
}
