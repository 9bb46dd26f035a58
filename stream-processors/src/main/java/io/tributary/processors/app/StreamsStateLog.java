package io.tributary.processors.app;

import jakarta.inject.Singleton;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One concise line per Kafka Streams state change (Kafka's own logs are kept at WARN). */
@Singleton
public class StreamsStateLog implements KafkaStreams.StateListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsStateLog.class);

    private final String applicationId;

    public StreamsStateLog(@ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId) {
        this.applicationId = applicationId;
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.PENDING_ERROR) {
            LOG.error("Kafka Streams {} is {} (was {})", applicationId, newState, oldState);
        } else {
            LOG.info("Kafka Streams {} is {} (was {})", applicationId, newState, oldState);
        }
    }
}
