package io.tributary.security.acl;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaFuture;

/** Waits for Admin API results with a deadline; a failure says what was being done. */
final class AdminCalls {
    private AdminCalls() {
    }

    static <T> T require(KafkaFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AclApplyException("Failed " + what + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new AclApplyException("Kafka did not answer within " + timeout.toSeconds() + " s while " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AclApplyException("Interrupted while " + what, e);
        }
    }
}
