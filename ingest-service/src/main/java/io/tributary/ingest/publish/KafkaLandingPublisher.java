package io.tributary.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Sends through one Kafka producer (keyless: the producer spreads requests over the
 * partitions). Its bounded {@code max.block.ms} and {@code delivery.timeout.ms} turn a full
 * buffer or a slow broker into {@code TIMEOUT} outcomes, which the service answers with 429.
 * Once one send could not even be buffered, the rest of the request is not tried (each would
 * block as long again).
 */
public final class KafkaLandingPublisher implements LandingPublisher {
    public static final String TIMEOUT = "TIMEOUT";
    public static final String NOT_SENT = "NOT_SENT";
    public static final String RECORD_TOO_LARGE = "RECORD_TOO_LARGE";
    public static final String SEND_FAILED = "SEND_FAILED";
    /** The cluster refused the producer's principal write access to the topic. */
    public static final String NOT_AUTHORIZED = "NOT_AUTHORIZED";
    /** The cluster did not accept the producer's credentials. */
    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";

    private final Producer<byte[], byte[]> producer;
    private final long waitMs;
    private final String principal;

    /** @param deliveryTimeoutMs the producer's {@code delivery.timeout.ms}: no send takes longer than this */
    public KafkaLandingPublisher(Producer<byte[], byte[]> producer, long deliveryTimeoutMs) {
        this(producer, deliveryTimeoutMs, "the service's principal");
    }

    /** @param principal who the producer is on the cluster ({@code User:finance-producer}), for the messages of refused sends */
    public KafkaLandingPublisher(Producer<byte[], byte[]> producer, long deliveryTimeoutMs, String principal) {
        this.producer = producer;
        this.principal = principal;
        // A margin over the producer's own bound, which normally fails the send first.
        this.waitMs = deliveryTimeoutMs + 5_000;
    }

    @Override
    public List<RecordOutcome> publish(String topic, List<OutgoingRecord> records) {
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(records.size());
        RuntimeException blocked = null;
        for (OutgoingRecord record : records) {
            CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
            sends.add(sent);
            if (blocked != null) {
                sent.completeExceptionally(new NotSent(blocked));
                continue;
            }
            try {
                producer.send(new ProducerRecord<>(topic, null, null, null, record.value(), record.headers()), (metadata, error) -> {
                    if (error != null) {
                        sent.completeExceptionally(error);
                    } else {
                        sent.complete(metadata);
                    }
                });
            } catch (TimeoutException e) {
                blocked = e;
                sent.completeExceptionally(e);
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < sends.size(); i++) {
            outcomes.add(outcome(i, sends.get(i), deadline, topic, principal));
        }
        return outcomes;
    }

    private static RecordOutcome outcome(int index, CompletableFuture<RecordMetadata> sent, long deadline, String topic, String principal) {
        try {
            RecordMetadata m = sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return RecordOutcome.written(index, m.partition(), m.offset());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NotSent notSent) {
                return RecordOutcome.failed(index, NOT_SENT, "not tried after an earlier record of the request could not be buffered: "
                        + notSent.getCause().getMessage(), true);
            }
            return failure(index, cause, topic, principal);
        } catch (java.util.concurrent.TimeoutException e) {
            return RecordOutcome.failed(index, TIMEOUT, "no acknowledgement from the broker in time", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RecordOutcome.failed(index, SEND_FAILED, "interrupted while waiting for the broker", true);
        }
    }

    static RecordOutcome failure(int index, Throwable cause, String topic, String principal) {
        if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException) {
            return RecordOutcome.failed(index, NOT_AUTHORIZED, "Kafka refused " + principal + " write access to " + topic + " ("
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", false);
        }
        if (cause instanceof AuthenticationException) {
            return RecordOutcome.failed(index, AUTHENTICATION_FAILED, "Kafka did not accept the credentials of " + principal
                    + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", false);
        }
        if (cause instanceof TimeoutException) {
            return RecordOutcome.failed(index, TIMEOUT, "the broker did not take the record in time: " + cause.getMessage(), true);
        }
        if (cause instanceof RecordTooLargeException) {
            return RecordOutcome.failed(index, RECORD_TOO_LARGE, cause.getMessage(), false);
        }
        return RecordOutcome.failed(index, SEND_FAILED, cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                cause instanceof RetriableException);
    }

    /** A record not tried because an earlier one of the same request could not be buffered. */
    private static final class NotSent extends RuntimeException {
        NotSent(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
