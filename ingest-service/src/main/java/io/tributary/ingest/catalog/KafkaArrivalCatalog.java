package io.tributary.ingest.catalog;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes arrival records to the batches topic through the service's shared producer (the service
 * sends without transactions: the arrival follows its batch's records once they are acknowledged).
 */
public final class KafkaArrivalCatalog implements ArrivalCatalog {
    public static final String DEFAULT_TOPIC = "_tributary.batches";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaArrivalCatalog.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final long waitMs;

    /** @param deliveryTimeoutMs the producer's {@code delivery.timeout.ms}: no send takes longer than this */
    public KafkaArrivalCatalog(Producer<byte[], byte[]> producer, String topic, long deliveryTimeoutMs) {
        this.producer = producer;
        this.topic = topic;
        this.waitMs = deliveryTimeoutMs + 5_000;
    }

    @Override
    public boolean record(BatchArrival arrival) {
        try {
            producer.send(new ProducerRecord<>(topic, arrival.keyBytes(), arrival.toJson())).get(waitMs, TimeUnit.MILLISECONDS);
            LOG.debug("Arrival of batch {} of {}.{} ({} record(s), request {}) recorded on {}", arrival.batchId(), arrival.zone(),
                    arrival.dataset(), arrival.records(), arrival.requestId(), topic);
            return true;
        } catch (ExecutionException e) {
            warn(arrival, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            warn(arrival, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(arrival, e);
        }
        return false;
    }

    private void warn(BatchArrival arrival, Throwable cause) {
        LOG.warn("Batch {} of {}.{} landed ({} record(s), request {}) but its arrival record could not be written to {}: {}",
                arrival.batchId(), arrival.zone(), arrival.dataset(), arrival.records(), arrival.requestId(), topic, String.valueOf(cause));
    }
}
