package io.tributary.topics;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaFuture;

/** Waits for Admin API results with a deadline and turns failures into messages saying what was being done. */
final class KafkaCalls {
    private KafkaCalls() {
    }

    /** The result, or the Kafka exception that failed it (unwrapped), so that callers can tolerate known ones. */
    static <T> T await(KafkaFuture<T> future, Duration timeout, String what) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new ZoneTopicsException("Kafka did not answer within " + timeout.toSeconds() + " s while " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoneTopicsException("Interrupted while " + what, e);
        }
    }

    /** Like {@link #await} for calls where every failure is fatal. */
    static <T> T require(KafkaFuture<T> future, Duration timeout, String what) {
        try {
            return await(future, timeout, what);
        } catch (ZoneTopicsException e) {
            throw e;
        } catch (Exception e) {
            throw new ZoneTopicsException("Failed " + what + ": " + e.getMessage(), e);
        }
    }
}
