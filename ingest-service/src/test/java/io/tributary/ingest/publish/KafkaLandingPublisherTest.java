package io.tributary.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaLandingPublisherTest {
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final KafkaLandingPublisher publisher = new KafkaLandingPublisher(producer, 1000, "User:finance-producer");

    @Test
    void aRefusedWriteNamesTheTopicAndThePrincipalAndIsNotRetriable() throws Exception {
        Thread failer = new Thread(() -> {
            while (producer.history().isEmpty()) {
                Thread.onSpinWait();
            }
            producer.errorNext(new TopicAuthorizationException(Set.of("hr.landing.departments")));
        });
        failer.start();
        List<RecordOutcome> outcomes = publisher.publish("hr.landing.departments", List.of(new OutgoingRecord(new byte[] {1}, List.of())));
        failer.join();

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.errorCode()).isEqualTo(KafkaLandingPublisher.NOT_AUTHORIZED);
            assertThat(o.message()).startsWith("Kafka refused User:finance-producer write access to hr.landing.departments")
                    .contains("TopicAuthorizationException");
            assertThat(o.retriable()).isFalse();
        });
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
