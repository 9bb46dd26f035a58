package io.tributary.security.credentials;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a client configuration authenticates with the cluster. A failure is logged and
 * reported with the principal and the broker, never the password; Kafka answers a wrong password
 * and an unknown user alike, so the message names both causes.
 */
public final class AuthenticationCheck {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationCheck.class);

    private final Duration timeout;

    public AuthenticationCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /** @throws CredentialException if the cluster refuses the credentials or does not answer */
    public void verify(ClientConfig config) {
        Map<String, Object> props = config.asConfig();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        String bootstrap = String.valueOf(props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SaslAuthenticationException) {
                LOG.warn("Authentication failed for User:{} at {} (SCRAM-SHA-512): wrong password or unknown user", config.user(), bootstrap);
                throw new CredentialException("Authentication failed for User:" + config.user() + " at " + bootstrap
                        + ": the cluster does not know this user or the password is wrong (SCRAM-SHA-512)");
            }
            throw new CredentialException("Cannot reach Kafka at " + bootstrap + " as User:" + config.user() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new CredentialException("Kafka at " + bootstrap + " did not answer User:" + config.user() + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("Interrupted while checking the credentials of User:" + config.user(), e);
        }
    }
}
