package io.tributary.cli.harness;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cli.demo.ExpenseGenerator;
import io.tributary.model.ClientSettings;

/**
 * Sends expense claims to the landing topic at a steady rate, a chunk at a time (so a million
 * claims never sit in memory), and remembers only each claim's key and checksum. The producer is
 * idempotent with acks=all and long delivery timeouts, so a broker restart delays records but
 * neither loses nor duplicates them: what it reports as sent is what the platform must deliver.
 */
public final class ChaosLoad implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosLoad.class);
    private static final int CHUNK = 10_000;
    /** One in this many claims is broken, and must end up in the rejected topic. */
    private static final int INVALID_ONE_IN = 200;

    private final ClientSettings kafka;
    private final String topic;
    private final int records;
    private final int recordsPerSecond;
    private final long seed;
    private final List<ProducedRecord> produced;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public ChaosLoad(ClientSettings kafka, String topic, int records, int recordsPerSecond, long seed) {
        this.kafka = kafka;
        this.topic = topic;
        this.records = records;
        this.recordsPerSecond = recordsPerSecond;
        this.seed = seed;
        this.produced = new ArrayList<>(records);
    }

    @Override
    public void run() {
        Map<String, Object> config = kafka.asConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-chaos-load");
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            int chunkNo = 0;
            while (sent.get() < records && failure.get() == null) {
                int size = (int) Math.min(CHUNK, records - sent.get());
                // A distinct seed per chunk gives every chunk its own key prefix (the generator's run id).
                List<ExpenseGenerator.GeneratedRecord> chunk = new ExpenseGenerator(seed * 1_000 + chunkNo++, Instant.now())
                        .generate(size, Math.max(1, size / INVALID_ONE_IN));
                for (ExpenseGenerator.GeneratedRecord r : chunk) {
                    pace(start);
                    producer.send(new ProducerRecord<>(topic, r.key().getBytes(StandardCharsets.UTF_8), r.value()), (meta, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    synchronized (produced) {
                        produced.add(new ProducedRecord(r.key(), r.valid() ? Fingerprint.ofProduced(r.fields()) : "", r.valid()));
                    }
                    sent.incrementAndGet();
                }
                LOG.info("Chaos load: {} of {} claims sent to {}", sent.get(), records, topic);
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            LOG.error("Chaos load to {} failed after {} claims: {}", topic, sent.get(), failure.get().toString());
        }
    }

    private void pace(long start) {
        long due = start + sent.get() * 1_000_000_000L / recordsPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
            try {
                Thread.sleep(wait / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("chaos load interrupted", e);
            }
        }
    }

    public long sent() {
        return sent.get();
    }

    /** The error that stopped the load, if any: then some records were never acknowledged and the check means nothing. */
    public Exception failure() {
        return failure.get();
    }

    public List<ProducedRecord> produced() {
        synchronized (produced) {
            return List.copyOf(produced);
        }
    }
}
