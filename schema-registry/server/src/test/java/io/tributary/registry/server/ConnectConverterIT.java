package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tributary.local.LocalConnectWorker;
import io.tributary.local.Ports;
import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.serde.AvroDeserializer;
import io.tributary.registry.server.connect.CollectingSinkConnector;
import io.tributary.registry.server.connect.StructSourceConnector;

/**
 * The Connect converter in a real Kafka Connect worker, named only in connector configurations
 * ({@code value.converter=...AvroConverter}, {@code value.converter.schema.registry.url=...}):
 * a source connector's structs land in the topic in the wire format with a registered schema,
 * and a sink connector gets them back as structs.
 */
class ConnectConverterIT {
    private static final String CONVERTER = "io.tributary.registry.client.connect.AvroConverter";
    private static TestBroker broker;
    private static RegistryProcess registry;
    private static LocalConnectWorker worker;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        registry = RegistryProcess.start(broker, "connect", Map.of());
        // The worker, its connectors' producers and consumers log in as the platform user too.
        worker = LocalConnectWorker.start(broker.bootstrapServers(), Ports.freePort(),
                LocalConnectWorker.securityOverrides(broker.clientProperties()));
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void connectorsSayValueConverterAndTheRegistryUrlAndNothingElse() throws Exception {
        String topic = "finance.landing.expenses";
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(broker.clientProperties(Map.of()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, String> source = new HashMap<>();
        source.put("connector.class", StructSourceConnector.class.getName());
        source.put("tasks.max", "1");
        source.put("topic", topic);
        source.put("count", "6");
        source.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        source.put("value.converter", CONVERTER);
        source.put("value.converter.schema.registry.url", registry.url());
        worker.rest().putConnectorConfig("expenses-source", source);

        List<ConsumerRecord<byte[], byte[]>> written = readAll(topic, 6);
        int id = WireFormat.schemaId(written.get(0).value());
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registry.url()), false);
        GenericRecord first = (GenericRecord) deserializer.deserialize(topic, written.get(1).value());
        assertThat(first.getSchema().getFullName()).isEqualTo("finance.Expense");
        assertThat(first.get("payee").toString()).isEqualTo("payee-1");
        assertThat(first.get("note").toString()).isEqualTo("odd");
        assertThat(new BigDecimal(new java.math.BigInteger(bytes((ByteBuffer) first.get("amount"))), 2))
                .isEqualTo(new BigDecimal("1.25"));
        assertThat(first.getSchema().getField("amount").schema().getLogicalType().getName()).isEqualTo("decimal");

        Map<String, String> sink = new HashMap<>();
        sink.put("connector.class", CollectingSinkConnector.class.getName());
        sink.put("tasks.max", "1");
        sink.put("topics", topic);
        sink.put("value.converter", CONVERTER);
        sink.put("value.converter.schema.registry.url", registry.url());
        worker.rest().putConnectorConfig("expenses-sink", sink);

        await().atMost(Duration.ofSeconds(60)).until(() -> CollectingSinkConnector.RECEIVED.size() >= 6);
        SinkRecord third = CollectingSinkConnector.RECEIVED.stream().filter(r -> r.kafkaOffset() == 2).findFirst().orElseThrow();
        Struct value = (Struct) third.value();
        assertThat(value.getInt64("id")).isEqualTo(2L);
        assertThat(value.get("amount")).isEqualTo(new BigDecimal("2.25"));
        assertThat(value.getString("note")).isNull();
        assertThat(third.valueSchema().name()).isEqualTo("finance.Expense");
        assertThat(id).isPositive();
        assertThat(registry.isAlive()).isTrue();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count) {
        Map<String, Object> props = broker.clientProperties(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "connect-it-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
