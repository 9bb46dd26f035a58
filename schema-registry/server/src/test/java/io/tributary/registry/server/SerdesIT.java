package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tributary.local.Ports;
import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.serde.AvroDeserializer;
import io.tributary.registry.client.serde.AvroSerializer;

/**
 * Our Avro serializer and deserializer in real Kafka clients, configured only by Confluent's
 * property names, against the packaged registry and a real broker: a round trip, a first
 * registry URL that is down (the next one is used), and a registry outage after warm-up.
 */
class SerdesIT {
    private static final Schema EXPENSE = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Expense\","
            + "\"namespace\":\"finance\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"amount\",\"type\":\"double\"}]}");
    private static final Schema EXPENSE_V2 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Expense\","
            + "\"namespace\":\"finance\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"amount\",\"type\":\"double\"},"
            + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void producersAndConsumersWorkAndKeepWorkingThroughARegistryOutage() throws Exception {
        String topic = "finance.landing.expenses";
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(broker.clientProperties(Map.of()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
        }
        RegistryProcess registry = RegistryProcess.start(broker, "serdes", Map.of());
        // The first URL has nothing listening: the client moves on to the next.
        String urls = "http://localhost:" + Ports.freePort() + "," + registry.url();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProps(urls));
                KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerProps(urls))) {
            consumer.subscribe(List.of(topic));
            for (long i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, expense(EXPENSE, i))).get();
            }
            List<ConsumerRecord<String, Object>> first = poll(consumer, 10);
            assertThat(first).extracting(r -> ((GenericRecord) r.value()).get("id")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            int id = Integer.parseInt(registry.get("/subjects/" + topic + "-value/versions/latest").body()
                    .replaceAll(".*\"id\":(\\d+).*", "$1"));

            registry.close();

            for (long i = 10; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, expense(EXPENSE, i))).get();
            }
            List<ConsumerRecord<String, Object>> during = poll(consumer, 10);
            assertThat(during).extracting(r -> ((GenericRecord) r.value()).get("amount")).contains(10.5, 19.5);
            // A schema never seen before cannot be registered while the registry is away, and the error says why.
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "new", expense(EXPENSE_V2, 99))).get())
                    .satisfiesAnyOf(
                            e -> assertThat(e).isInstanceOf(SerializationException.class).hasMessageContaining("could not be reached"),
                            e -> assertThat(e).isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(java.net.ConnectException.class));
            assertThat(id).isPositive();
        } finally {
            registry.close();
        }
    }

    @Test
    void bytesCarryTheRegisteredIdSoOtherClientsCanReadThem() throws Exception {
        try (RegistryProcess registry = RegistryProcess.start(broker, "serdes-ids", Map.of())) {
            AvroSerializer serializer = new AvroSerializer();
            serializer.configure(Map.of("schema.registry.url", registry.url(), "auto.register.schemas", "false"), false);
            assertThatThrownBy(() -> serializer.serialize("finance.staging.expenses", expense(EXPENSE, 1)))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("404").hasMessageContaining("not found");
            String body = "{\"schema\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(EXPENSE.toString()) + "}";
            int id = Integer.parseInt(registry.post("/subjects/finance.staging.expenses-value/versions", body).body()
                    .replaceAll("\\D", ""));
            byte[] bytes = serializer.serialize("finance.staging.expenses", expense(EXPENSE, 1));
            assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
            assertThat(WireFormat.decode(bytes, EXPENSE)).isEqualTo(expense(EXPENSE, 1));
        }
    }

    private static GenericRecord expense(Schema schema, long id) {
        GenericData.Record record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("amount", id + 0.5);
        return record;
    }

    private static List<ConsumerRecord<String, Object>> poll(KafkaConsumer<String, Object> consumer, int count) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static Properties producerProps(String urls) {
        Properties props = new Properties();
        props.putAll(broker.clientProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        props.put("schema.registry.url", urls);
        props.put("schema.registry.request.timeout.ms", "20000");
        return props;
    }

    private static Properties consumerProps(String urls) {
        Properties props = new Properties();
        props.putAll(broker.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "serdes-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
        props.put("schema.registry.url", urls);
        return props;
    }
}
