package io.tributary.security.credentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.security.ZonePrincipal;

/**
 * Creates and rotates the SCRAM-SHA-512 credentials of the zones' principals: a random password
 * is written to the {@link CredentialStore} first, then set on the cluster with
 * {@code Admin.alterUserScramCredentials}. If the cluster call fails, the store already has the
 * new password and {@link #ensure} or another rotation sets it again: a password is never lost.
 */
public final class ScramCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(ScramCredentials.class);
    /** Kafka's minimum for SCRAM-SHA-512 is 4096; 8192 is its tools' default. */
    static final int ITERATIONS = 8192;

    private final Admin admin;
    private final CredentialStore store;
    private final PasswordGenerator generator;
    private final Duration timeout;

    public ScramCredentials(Admin admin, CredentialStore store, Duration timeout) {
        this(admin, store, new PasswordGenerator(), timeout);
    }

    ScramCredentials(Admin admin, CredentialStore store, PasswordGenerator generator, Duration timeout) {
        this.admin = admin;
        this.store = store;
        this.generator = generator;
        this.timeout = timeout;
    }

    /**
     * Gives every principal a credential: a new password for those the store lacks, and the
     * stored one set again on the cluster where the cluster lacks it. Others are left alone.
     *
     * @return the user names whose credential was set on the cluster
     */
    public List<String> ensure(Collection<ZonePrincipal> principals) {
        Set<String> onCluster = usersWithScram();
        List<String> set = new ArrayList<>();
        List<UserScramCredentialUpsertion> upserts = new ArrayList<>();
        for (ZonePrincipal principal : principals) {
            String user = principal.userName();
            boolean known = store.password(user).isPresent();
            if (!known) {
                store.put(user, generator.next());
            }
            if (!known || !onCluster.contains(user)) {
                upserts.add(upsertion(user, store.require(user)));
                set.add(user);
            }
        }
        if (!upserts.isEmpty()) {
            await(admin.alterUserScramCredentials(List.copyOf(upserts)).all(), "setting SCRAM credentials of " + set);
            set.forEach(u -> LOG.info("Set the SCRAM-SHA-512 credential of User:{} (password in {})", u, store.file()));
        }
        return set;
    }

    /** A new password for one zone's role; the old one stops working at once. */
    public void rotate(ZonePrincipal principal) {
        String user = principal.userName();
        store.put(user, generator.next());
        await(admin.alterUserScramCredentials(List.of(upsertion(user, store.require(user)))).all(),
                "rotating the SCRAM credential of " + principal);
        LOG.info("Rotated the SCRAM-SHA-512 password of {} (new password in {})", principal, store.file());
    }

    /**
     * A new password for the platform's own user (the super user): stored first, then set on the cluster through
     * this admin's session, which the old password opened and which stays open. Every component that logs in as
     * the platform needs the new password at its next login (the local platform: its settings files, then a restart).
     */
    public Secret rotatePlatform() {
        String user = ZonePrincipal.PLATFORM_USER;
        store.put(user, generator.next());
        await(admin.alterUserScramCredentials(List.of(upsertion(user, store.require(user)))).all(),
                "rotating the SCRAM credential of User:" + user);
        LOG.info("Rotated the SCRAM-SHA-512 password of User:{} (new password in {})", user, store.file());
        return store.require(user);
    }

    private Set<String> usersWithScram() {
        Map<String, UserScramCredentialsDescription> described = await(admin.describeUserScramCredentials().all(),
                "listing the cluster's SCRAM users");
        return described.values().stream()
                .filter(d -> d.credentialInfos().stream().anyMatch(i -> i.mechanism() == ScramMechanism.SCRAM_SHA_512))
                .map(UserScramCredentialsDescription::name)
                .collect(Collectors.toSet());
    }

    private static UserScramCredentialUpsertion upsertion(String user, Secret password) {
        return new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password.reveal());
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CredentialException("Failed " + what + ": " + cause.getMessage() + " (the password is in " + store.file()
                    + "; run this again to set it)", cause);
        } catch (TimeoutException e) {
            throw new CredentialException("Kafka did not answer within " + timeout.toSeconds() + " s while " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("Interrupted while " + what, e);
        }
    }
}
