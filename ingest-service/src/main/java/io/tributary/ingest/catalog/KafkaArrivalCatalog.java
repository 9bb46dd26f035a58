package io.tributary.ingest.catalog;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.model.PlatformTopics;

/**
 * Writes arrival records to the batches topic of the batch's zone ({@link PlatformTopics#batches}),
 * through the service's shared producer: one service serves several zones, and each zone's batch
 * catalogue is its own topic so that ACLs keep it to that zone. The service sends without
 * transactions: the arrival follows its batch's records once they are acknowledged.
 */
public final class KafkaArrivalCatalog implements ArrivalCatalog {
    /** How the topic is named, for logs and errors. */
    public static final String TOPIC_PATTERN = PlatformTopics.PREFIX + "<zone>.batches";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaArrivalCatalog.class);

    private final Producer<byte[], byte[]> producer;
    private final long waitMs;

    /** @param deliveryTimeoutMs the producer's {@code delivery.timeout.ms}: no send takes longer than this */
    public KafkaArrivalCatalog(Producer<byte[], byte[]> producer, long deliveryTimeoutMs) {
        this.producer = producer;
        this.waitMs = deliveryTimeoutMs + 5_000;
    }

    /** The topic an arrival of the zone goes to. */
    public static String topicOf(String zone) {
        return PlatformTopics.batches(zone);
    }

    @Override
    public boolean record(BatchArrival arrival) {
        String topic = topicOf(arrival.zone());
        try {
            producer.send(new ProducerRecord<>(topic, arrival.keyBytes(), arrival.toJson())).get(waitMs, TimeUnit.MILLISECONDS);
            LOG.debug("Arrival of batch {} of {}.{} ({} record(s), request {}) recorded on {}", arrival.batchId(), arrival.zone(),
                    arrival.dataset(), arrival.records(), arrival.requestId(), topic);
            return true;
        } catch (ExecutionException e) {
            warn(arrival, topic, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            warn(arrival, topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(arrival, topic, e);
        }
        return false;
    }

    private static void warn(BatchArrival arrival, String topic, Throwable cause) {
        LOG.warn("Batch {} of {}.{} landed ({} record(s), request {}) but its arrival record could not be written to {}: {}",
                arrival.batchId(), arrival.zone(), arrival.dataset(), arrival.records(), arrival.requestId(), topic, String.valueOf(cause));
    }
}
