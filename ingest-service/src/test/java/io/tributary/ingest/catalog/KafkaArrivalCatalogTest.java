package io.tributary.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The path through a real broker is IngestServiceIT; here, which topic each zone's arrival goes to. */
class KafkaArrivalCatalogTest {

    private static BatchArrival arrival(String zone, String dataset, String batchId) {
        return new BatchArrival(BatchArrival.KIND, zone, dataset, batchId, "http:anonymous", "req-" + batchId, 10, "json", 1,
                "sha256:00", zone + ".landing." + dataset, "2026-11-28T00:00:00Z", "2026-11-28T00:00:01Z", BatchArrival.INGESTED, null);
    }

    @Test
    void eachArrivalGoesToTheBatchesTopicOfItsOwnZone() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaArrivalCatalog catalog = new KafkaArrivalCatalog(producer, 1_000);

        assertThat(catalog.record(arrival("finance", "expenses", "exp-1"))).isTrue();
        assertThat(catalog.record(arrival("hr", "departments", "hr-1"))).isTrue();

        assertThat(producer.history()).extracting(r -> r.topic() + " " + new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("_tributary.finance.batches arrival:finance.expenses/exp-1",
                        "_tributary.hr.batches arrival:hr.departments/hr-1");
    }

    @Test
    void aFailedSendIsReportedAsNotRecorded() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaArrivalCatalog catalog = new KafkaArrivalCatalog(producer, 1_000);
        // The broker refuses the send once it is made, as it does a principal without WRITE.
        Thread failer = new Thread(() -> {
            while (!producer.errorNext(new TopicAuthorizationException("_tributary.finance.batches"))) {
                Thread.onSpinWait();
            }
        });
        failer.setDaemon(true);
        failer.start();

        assertThat(catalog.record(arrival("finance", "expenses", "exp-2"))).isFalse();
    }
}
