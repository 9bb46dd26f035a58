package io.tributary.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Which topic an arrival goes to, and a send that fails; the broker path is IngestServiceIT's and ZoneIdentityIT's. */
class KafkaArrivalCatalogTest {
    @Test
    void eachZoneHasItsOwnBatchesTopic() {
        assertThat(KafkaArrivalCatalog.topicOf("finance")).isEqualTo("_tributary.finance.batches");
        assertThat(KafkaArrivalCatalog.topicOf("hr")).isEqualTo("_tributary.hr.batches");
    }

    @Test
    void anArrivalThatCannotBeSentIsReportedAsNotRecorded() {
        // A real producer with no broker behind its address: the send fails within its bounds, as an unreachable cluster's does.
        Map<String, Object> config = Map.of("bootstrap.servers", "localhost:1", "max.block.ms", 300, "delivery.timeout.ms", 500,
                "request.timeout.ms", 400, "linger.ms", 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            KafkaArrivalCatalog catalog = new KafkaArrivalCatalog(producer, 500);
            BatchArrival arrival = new BatchArrival(BatchArrival.KIND, "finance", "expenses", "exp-2", "http:anonymous", "req-1", 10, "json",
                    1, "sha256:00", "finance.landing.expenses", "2026-11-28T00:00:00Z", "2026-11-28T00:00:01Z", BatchArrival.INGESTED, null);

            assertThat(catalog.record(arrival)).isFalse();
        }
    }
}
