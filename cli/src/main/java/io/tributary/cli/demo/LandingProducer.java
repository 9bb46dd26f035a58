package io.tributary.cli.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.model.ClientSettings;

/** Sends raw records to a landing topic, as a producer of the zone would. */
public final class LandingProducer {
    private final ClientSettings settings;

    public LandingProducer(ClientSettings settings) {
        this.settings = settings;
    }

    /** Sends every record, waits for all acknowledgements, and returns how many were written. */
    public int send(String topic, List<ExpenseGenerator.GeneratedRecord> records) {
        Map<String, Object> config = settings.asConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-demo-producer");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ExpenseGenerator.GeneratedRecord r : records) {
                acks.add(producer.send(new ProducerRecord<>(topic, r.key().getBytes(StandardCharsets.UTF_8), r.value())));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            return acks.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Producing to " + topic + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        }
    }
}
