package io.tributary.cli.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.tributary.model.ClientSettings;

import static io.tributary.model.RejectHeaderNames.FIELD;
import static io.tributary.model.RejectHeaderNames.MESSAGE;
import static io.tributary.model.RejectHeaderNames.REASON;
import static io.tributary.model.RejectHeaderNames.SOURCE_OFFSET;
import static io.tributary.model.RejectHeaderNames.SOURCE_PARTITION;
import static io.tributary.model.RejectHeaderNames.SOURCE_TOPIC;

/** Reads a rejected topic from its start to its current end, without joining a consumer group. */
public final class RejectedReader {
    private final ClientSettings settings;

    public RejectedReader(ClientSettings settings) {
        this.settings = settings;
    }

    public List<RejectedRecord> readAll(String topic, Duration timeout) {
        Map<String, Object> config = settings.asConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-rejected-reader");
        List<RejectedRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!reachedEnd(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new RejectedRecord(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), r.value(),
                            header(r, REASON), header(r, FIELD), header(r, MESSAGE), header(r, SOURCE_TOPIC),
                            Integer.parseInt(orDefault(header(r, SOURCE_PARTITION), "-1")),
                            Long.parseLong(orDefault(header(r, SOURCE_OFFSET), "-1"))));
                }
            }
        }
        return records;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
