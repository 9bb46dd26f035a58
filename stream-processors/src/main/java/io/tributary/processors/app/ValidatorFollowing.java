package io.tributary.processors.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Gives Quarkus' Kafka Streams extension, which builds the validator's instance, the state listener
 * and uncaught exception handler that follow it ({@link StreamsApplication}): the same failure
 * handling and health reporting as the ods and analytical applications.
 */
@ApplicationScoped
public class ValidatorFollowing {

    @Produces
    @Singleton
    KafkaStreams.StateListener validatorStates(ProcessorApplications applications) {
        return applications.validator();
    }

    @Produces
    @Singleton
    StreamsUncaughtExceptionHandler validatorFailures(ProcessorApplications applications) {
        return applications.validator();
    }
}
