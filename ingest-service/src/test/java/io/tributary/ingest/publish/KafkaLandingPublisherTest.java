package io.tributary.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaLandingPublisherTest {
    // The path through a real secured broker is ZoneIdentityIT; here, how each refusal reads.
    @Test
    void aRefusedWriteNamesTheTopicAndThePrincipalAndIsNotRetriable() {
        RecordOutcome outcome = KafkaLandingPublisher.failure(0, new TopicAuthorizationException(Set.of("hr.landing.departments")),
                "hr.landing.departments", "User:finance-producer");
        assertThat(outcome.errorCode()).isEqualTo(KafkaLandingPublisher.NOT_AUTHORIZED);
        assertThat(outcome.message()).startsWith("Kafka refused User:finance-producer write access to hr.landing.departments")
                .contains("TopicAuthorizationException");
        assertThat(outcome.retriable()).isFalse();
    }

    @Test
    void refusedCredentialsNameThePrincipal() {
        RecordOutcome outcome = KafkaLandingPublisher.failure(0, new SaslAuthenticationException("Authentication failed during authentication"
                + " due to invalid credentials with SASL mechanism SCRAM-SHA-512"), "hr.landing.departments", "User:hr-producer");
        assertThat(outcome.errorCode()).isEqualTo(KafkaLandingPublisher.AUTHENTICATION_FAILED);
        assertThat(outcome.message()).startsWith("Kafka did not accept the credentials of User:hr-producer");
        assertThat(outcome.retriable()).isFalse();
    }
}
