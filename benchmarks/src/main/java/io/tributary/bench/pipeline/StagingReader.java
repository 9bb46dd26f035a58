package io.tributary.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.tributary.bench.report.PerSecondCounter;
import io.tributary.bench.validator.BenchZone;

/**
 * Reads staging as a reader of the zone does ({@code read_committed}), from its end when started,
 * and keeps, for each record whose landing timestamp is at or after {@code since}, its position,
 * its landing timestamp (the validator keeps it) and when it arrived here.
 */
final class StagingReader implements AutoCloseable {
    /** One staged record: where it is in staging, its landing timestamp and when this reader saw it. */
    record Staged(int partition, long offset, long landingMillis, long arrivedMillis) {
    }

    private final List<Staged> staged = new ArrayList<>();
    private final Thread thread;
    private final long since;
    private volatile boolean running = true;
    private volatile boolean positioned;
    private final PerSecondCounter counter;

    StagingReader(String bootstrap, long since, PerSecondCounter counter) throws InterruptedException {
        this.since = since;
        this.counter = counter;
        this.thread = new Thread(() -> read(bootstrap), "staging-reader");
        thread.setDaemon(true);
        thread.start();
        while (!positioned && thread.isAlive()) {
            Thread.sleep(20);
        }
    }

    private void read(String bootstrap) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "enable.auto.commit", false, "max.poll.records", 2_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Pipeline.PARTITIONS; p++) {
                partitions.add(new TopicPartition(BenchZone.STAGING, p));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned = true;
            while (running) {
                var records = consumer.poll(Duration.ofMillis(20));
                long now = System.currentTimeMillis();
                int counted = 0;
                synchronized (staged) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        if (r.timestamp() >= since) {
                            staged.add(new Staged(r.partition(), r.offset(), r.timestamp(), now));
                            counted++;
                        }
                    }
                }
                if (counter != null && counted > 0) {
                    counter.add(now, counted);
                }
            }
        }
    }

    int count() {
        synchronized (staged) {
            return staged.size();
        }
    }

    List<Staged> staged() {
        synchronized (staged) {
            return List.copyOf(staged);
        }
    }

    /** Waits until {@code n} records are staged or {@code timeout} passes; @return how many are. */
    int awaitCount(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return count();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
