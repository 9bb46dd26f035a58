package io.tributary.processors.app;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Closes Kafka Streams leaving the consumer group, before Quarkus closes it without leaving. Kafka
 * Streams stays in the group by default, so a restarted validator (or the other instances of the
 * zone) would wait for the old member's session to time out (45 s) before records flow again.
 */
@ApplicationScoped
public class LeaveGroupOnShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(LeaveGroupOnShutdown.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event, KafkaStreams streams) {
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (!closed) {
            LOG.warn("Kafka Streams did not close within {} s; uncommitted work is redone by the next owner of its partitions",
                    CLOSE_TIMEOUT.toSeconds());
        }
    }
}
