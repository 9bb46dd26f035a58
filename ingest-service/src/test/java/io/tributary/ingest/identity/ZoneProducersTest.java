package io.tributary.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ZoneProducersTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hr-producer\" password=\"hr-pw\";";
    private final List<ClosingProducer> created = new ArrayList<>();

    /** A real producer (it connects lazily, so no broker is needed to build and close it) that records its close. */
    private static final class ClosingProducer extends KafkaProducer<byte[], byte[]> {
        private volatile boolean closed;

        ClosingProducer() {
            super(Map.of("bootstrap.servers", "localhost:1"), new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public void close(Duration timeout) {
            closed = true;
            super.close(timeout);
        }

        boolean closed() {
            return closed;
        }
    }

    @Test
    void eachZoneWithAnIdentityHasItsOwnProducerTheOthersShareOneAndCloseClosesAll() {
        KafkaIdentity shared = KafkaIdentity.shared(Map.of("bootstrap.servers", "b:9092"));
        Map<String, KafkaIdentity> own = Map.of("hr", KafkaIdentity.ofZone("hr", Map.of("sasl.jaas.config", JAAS)));
        ZoneProducers producers = ZoneProducers.create(shared, own, List.of("finance", "hr"), settings -> {
            ClosingProducer p = new ClosingProducer();
            created.add(p);
            return p;
        });

        assertThat(created).hasSize(2);
        assertThat(producers.forZone("hr")).isNotSameAs(producers.shared());
        assertThat(producers.forZone("finance")).isSameAs(producers.shared());
        assertThat(producers.identityOf("hr").principal()).isEqualTo("User:hr-producer");
        assertThat(producers.identityOf("finance")).isSameAs(shared);

        producers.close();
        assertThat(created).allSatisfy(p -> assertThat(p.closed()).isTrue());
    }

    @Test
    void aProducerThatCannotBeCreatedStopsTheStartWithoutItsSecretAndClosesTheOthers() {
        KafkaIdentity shared = KafkaIdentity.shared(Map.of());
        Map<String, KafkaIdentity> own = Map.of("hr", KafkaIdentity.ofZone("hr", Map.of("sasl.jaas.config", JAAS)));
        assertThatThrownBy(() -> ZoneProducers.create(shared, own, List.of("hr"), settings -> {
            if (settings.containsKey("sasl.jaas.config")) {
                throw new KafkaException("Failed to construct kafka producer", new IllegalArgumentException("cannot parse " + JAAS));
            }
            ClosingProducer p = new ClosingProducer();
            created.add(p);
            return p;
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot create zone hr's producer User:hr-producer: KafkaException: Failed to construct kafka producer")
                .hasMessageContaining("cannot parse [hidden]")
                .hasNoCause()
                .message().doesNotContain("hr-pw");
        assertThat(created).singleElement().satisfies(p -> assertThat(p.closed()).isTrue());
    }
}
