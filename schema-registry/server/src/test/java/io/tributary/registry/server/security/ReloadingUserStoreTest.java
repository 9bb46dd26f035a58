package io.tributary.registry.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingUserStoreTest {
    private static final String ADMIN = "admin: adminpw, admin\n";

    @TempDir
    Path dir;
    private Path file;
    private final Logs logs = new Logs();
    private ReloadingUserStore users;

    @BeforeEach
    void setUp() {
        file = dir.resolve("registry-users.properties");
        logs.attach();
    }

    @AfterEach
    void tearDown() {
        logs.detach();
        if (users != null) {
            users.close();
        }
    }

    @Test
    void aUserAddedToTheFileLogsInAfterTheNextCheck() throws Exception {
        Files.writeString(file, ADMIN);
        users = ReloadingUserStore.open(file);
        assertThat(users.authenticate("finance-producer", "finpw")).isEmpty();

        Files.writeString(file, ADMIN + "finance-producer: finpw, zone:finance\n");
        assertThat(users.checkForChanges()).isTrue();

        assertThat(users.authenticate("finance-producer", "finpw")).hasValueSatisfying(p -> assertThat(p.zones()).containsExactly("finance"));
        assertThat(users.authenticate("admin", "adminpw")).isPresent();
        assertThat(logs.at(Level.INFO)).containsExactly("Users file " + file + " reloaded: 2 users");
    }

    @Test
    void aRotatedPasswordReplacesTheOldOneEvenWhenTheFileKeepsItsSizeAndTime() throws Exception {
        // As the platform writes it: hashed passwords (same length whatever the password), replaced atomically.
        Files.writeString(file, hashed("finance-producer", "old-password-1"));
        users = ReloadingUserStore.open(file);
        assertThat(users.authenticate("finance-producer", "old-password-1")).isPresent();

        Path temp = dir.resolve("users.tmp");
        Files.writeString(temp, hashed("finance-producer", "new-password-2"));
        Files.setLastModifiedTime(temp, Files.getLastModifiedTime(file));
        assertThat(Files.size(temp)).isEqualTo(Files.size(file));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(users.checkForChanges()).isTrue();
        assertThat(users.authenticate("finance-producer", "old-password-1")).isEmpty();
        assertThat(users.authenticate("finance-producer", "new-password-2")).isPresent();
    }

    @Test
    void aRemovedUserNoLongerLogsIn() throws Exception {
        Files.writeString(file, ADMIN + "finance-producer: finpw, zone:finance\n");
        users = ReloadingUserStore.open(file);
        assertThat(users.authenticate("finance-producer", "finpw")).isPresent();

        rewrite(ADMIN);
        assertThat(users.checkForChanges()).isTrue();

        assertThat(users.authenticate("finance-producer", "finpw")).isEmpty();
        assertThat(users.authenticate("admin", "adminpw")).isPresent();
        assertThat(users.size()).isEqualTo(1);
    }

    @Test
    void aMalformedFileKeepsTheLastGoodUsersAndSaysWhereWithoutSecrets() throws Exception {
        String digest = UserStore.sha256("finpw");
        Files.writeString(file, ADMIN + "finance-producer: SHA-256:" + digest + ", zone:finance\n");
        users = ReloadingUserStore.open(file);

        rewrite(ADMIN + "finance-producer SHA-256:" + digest + "\nnew-user: s3cret-new, write:a.*.b\n");
        assertThat(users.checkForChanges()).isFalse();

        assertThat(users.authenticate("finance-producer", "finpw")).isPresent();
        assertThat(users.authenticate("admin", "adminpw")).isPresent();
        List<String> errors = logs.at(Level.SEVERE);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains(file.toString(), "line 2", "keeping the 2 users last read")
                .doesNotContain(digest, "adminpw", "s3cret-new");

        // Not re-read (nor logged again) until the file changes; then the next change is taken.
        assertThat(users.checkForChanges()).isFalse();
        assertThat(logs.at(Level.SEVERE)).hasSize(1);
        rewrite(ADMIN + "new-user: s3cret-new, write:finance.landing.*\n");
        assertThat(users.checkForChanges()).isTrue();
        assertThat(users.authenticate("new-user", "s3cret-new")).isPresent();
        assertThat(users.authenticate("finance-producer", "finpw")).isEmpty();
    }

    @Test
    void aMissingFileMeansNoUsersUntilItIsWritten() throws Exception {
        users = ReloadingUserStore.open(file);
        assertThat(users.size()).isZero();
        assertThat(users.authenticate("admin", "adminpw")).isEmpty();
        assertThat(logs.at(Level.WARNING)).singleElement().asString().contains(file.toString(), "does not exist yet", "401");
        assertThat(users.checkForChanges()).isFalse();

        Files.writeString(file, ADMIN);
        assertThat(users.checkForChanges()).isTrue();
        assertThat(users.authenticate("admin", "adminpw")).isPresent();
    }

    @Test
    void aRemovedFileKeepsTheLastUsers() throws Exception {
        Files.writeString(file, ADMIN);
        users = ReloadingUserStore.open(file);
        Files.delete(file);

        assertThat(users.checkForChanges()).isFalse();
        assertThat(users.authenticate("admin", "adminpw")).isPresent();
        assertThat(logs.at(Level.WARNING)).singleElement().asString().contains("was removed", "keeping the 1 users");
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        Files.writeString(file, ADMIN);
        users = ReloadingUserStore.open(file);
        assertThat(users.checkForChanges()).isFalse();
        assertThat(users.checkForChanges()).isFalse();
        assertThat(logs.at(Level.INFO)).isEmpty();
    }

    @Test
    void aMalformedFileAtStartIsRefused() throws Exception {
        Files.writeString(file, ADMIN + "bad: pw, write:a.*.b\n");
        assertThatThrownBy(() -> ReloadingUserStore.open(file)).hasMessageContaining("line 2").hasMessageContaining(file.toString())
                .hasMessageNotContaining("pw,");
    }

    @Test
    void theWatcherPicksUpAChangeByItself() throws Exception {
        users = ReloadingUserStore.open(file).watchEvery(Duration.ofMillis(50));
        Files.writeString(file, ADMIN);
        await().atMost(Duration.ofSeconds(3)).until(() -> users.authenticate("admin", "adminpw").isPresent());
        users.close();
        rewrite("");
        Thread.sleep(200);
        assertThat(users.authenticate("admin", "adminpw")).as("no checks after close").isPresent();
    }

    /** Rewrites the file in place with a later modification time, whatever the file system's clock granularity. */
    private void rewrite(String text) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1000));
    }

    private static String hashed(String user, String password) {
        return user + ": SHA-256:" + UserStore.sha256(password) + ", zone:finance\n";
    }

    /** The store's log lines, as the console would show them. */
    private static final class Logs extends Handler {
        private final Logger logger = Logger.getLogger(ReloadingUserStore.class.getName());
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        void attach() {
            logger.addHandler(this);
        }

        void detach() {
            logger.removeHandler(this);
        }

        List<String> at(Level level) {
            return records.stream().filter(r -> r.getLevel().intValue() == level.intValue()).map(Logs::text).toList();
        }

        private static String text(LogRecord record) {
            return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
