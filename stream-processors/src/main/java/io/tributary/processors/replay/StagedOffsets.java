package io.tributary.processors.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import io.tributary.model.RejectHeaderNames;

/**
 * Which landing offsets already reached staging, read from the source headers every staging
 * record carries: what makes a replay idempotent. Kept as one bit per offset of the replayed range.
 */
final class StagedOffsets {
    private final Map<Integer, BitSet> staged = new HashMap<>();
    private final Map<Integer, ReplayReport.PartitionRange> ranges;

    private StagedOffsets(Map<Integer, ReplayReport.PartitionRange> ranges) {
        this.ranges = ranges;
    }

    /** Reads {@code stagingTopic} from its start to its current end (committed records only). */
    static StagedOffsets read(KafkaConsumer<byte[], byte[]> consumer, String stagingTopic, String landingTopic,
            Map<Integer, ReplayReport.PartitionRange> ranges, Duration timeout) {
        StagedOffsets offsets = new StagedOffsets(ranges);
        List<TopicPartition> partitions = consumer.partitionsFor(stagingTopic, timeout).stream()
                .map(p -> new TopicPartition(stagingTopic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + stagingTopic + " to its end within " + timeout.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (landingTopic.equals(header(r, RejectHeaderNames.SOURCE_TOPIC))) {
                    offsets.mark(Integer.parseInt(header(r, RejectHeaderNames.SOURCE_PARTITION)),
                            Long.parseLong(header(r, RejectHeaderNames.SOURCE_OFFSET)));
                }
            }
        }
        return offsets;
    }

    private void mark(int partition, long offset) {
        ReplayReport.PartitionRange range = ranges.get(partition);
        if (range != null && offset >= range.from() && offset < range.to()) {
            staged.computeIfAbsent(partition, p -> new BitSet()).set((int) (offset - range.from()));
        }
    }

    boolean contains(int partition, long offset) {
        BitSet bits = staged.get(partition);
        ReplayReport.PartitionRange range = ranges.get(partition);
        return bits != null && range != null && offset >= range.from() && bits.get((int) (offset - range.from()));
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
