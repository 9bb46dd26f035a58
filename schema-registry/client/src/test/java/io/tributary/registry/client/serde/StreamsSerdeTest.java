package io.tributary.registry.client.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.testing.InMemoryRegistry;
import io.tributary.registry.client.testing.Payment;

/** The Serde in a Streams topology: records in, transformed, out, each side in the wire format. */
class StreamsSerdeTest {
    private static final Schema AMOUNT = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Amount\","
            + "\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}");

    @Test
    void aTopologyReadsSpecificRecordsAndWritesGenericOnes() {
        InMemoryRegistry registry = new InMemoryRegistry();
        SpecificAvroSerde<Payment> payments = new SpecificAvroSerde<>(registry);
        payments.configure(Map.of("schema.registry.url", "http://unused"), false);
        GenericAvroSerde amounts = new GenericAvroSerde(registry);
        amounts.configure(Map.of("schema.registry.url", "http://unused"), false);

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("payments", Consumed.with(Serdes.String(), payments))
                .mapValues(p -> {
                    GenericRecord amount = new GenericData.Record(AMOUNT);
                    amount.put("cents", Math.round(p.amount() * 100));
                    return (GenericRecord) amount;
                })
                .to("amounts", Produced.with(Serdes.String(), amounts));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, Payment> in = driver.createInputTopic("payments", Serdes.String().serializer(),
                    payments.serializer());
            TestOutputTopic<String, byte[]> out = driver.createOutputTopic("amounts", Serdes.String().deserializer(),
                    Serdes.ByteArray().deserializer());
            in.pipeInput("p1", new Payment(1, "ann", 12.34));
            byte[] bytes = out.readValue();
            assertThat(WireFormat.schemaId(bytes)).isEqualTo(registry.latest("amounts-value").get().id());
            assertThat(amounts.deserializer().deserialize("amounts", bytes).get("cents")).isEqualTo(1234L);
        }
    }
}
