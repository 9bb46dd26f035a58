package io.tributary.cli.rejects;

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
import io.tributary.model.RejectHeaderNames;

/**
 * Reads the most recent records of a rejected topic: the last {@code perPartition} of each
 * partition (committed records only), without joining a consumer group.
 */
public final class RecentRejects {
    private final ClientSettings settings;

    public RecentRejects(ClientSettings settings) {
        this.settings = settings;
    }

    public List<Reject> read(String topic, int perPartition, Duration timeout) {
        Map<String, Object> config = settings.asConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-rejects");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Reject> rejects = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist (apply the zone with `tributary zones apply`)");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            for (TopicPartition p : partitions) {
                consumer.seek(p, Math.max(begin.get(p), end.get(p) - perPartition));
            }
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        rejects.add(of(r));
                    }
                }
            }
        }
        return rejects;
    }

    private static Reject of(ConsumerRecord<byte[], byte[]> r) {
        return new Reject(orElse(header(r, RejectHeaderNames.REASON), "(no reason header)"), orElse(header(r, RejectHeaderNames.RULE), ""),
                orElse(header(r, RejectHeaderNames.FIELD), ""), orElse(header(r, RejectHeaderNames.MESSAGE), ""),
                orElse(header(r, RejectHeaderNames.SOURCE_TOPIC), "?"), parseInt(header(r, RejectHeaderNames.SOURCE_PARTITION)),
                parseLong(header(r, RejectHeaderNames.SOURCE_OFFSET)), header(r, RejectHeaderNames.BATCH_ID), r.timestamp());
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static int parseInt(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
