package io.tributary.processors.app;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;

/**
 * One application of the process as the health checks see it now.
 *
 * @param applicationId   Kafka Streams' {@code application.id} (the hold watcher: its client id)
 * @param role            whose principal it runs as
 * @param principal       the principal's name ({@code User:finance-canonicaliser}), never a secret
 * @param state           Kafka Streams' state name, or the hold watcher's ({@link HoldWatcherStatus.State})
 * @param ready           doing its work (Kafka Streams RUNNING or REBALANCING, the hold watcher following)
 * @param failed          stopped by a failure: nothing in the process starts it again
 * @param lastFailure     the latest failure ({@link ApplicationFailure#describe}): why it stopped, or why a thread was replaced
 * @param threadsReplaced stream threads replaced after a failure since the start (the application went on)
 */
public record ApplicationStatus(String applicationId, ProcessorRole role, String principal, String state, boolean ready, boolean failed,
        Optional<String> lastFailure, int threadsReplaced) {

    /** A Kafka Streams application: ready while RUNNING or REBALANCING; failed in PENDING_ERROR and ERROR. */
    public static ApplicationStatus ofStreams(String applicationId, ProcessorRole role, String principal, KafkaStreams.State state,
            Optional<String> lastFailure, int threadsReplaced) {
        boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
        return new ApplicationStatus(applicationId, role, principal, state.name(), state.isRunningOrRebalancing(), failed, lastFailure,
                threadsReplaced);
    }
}
