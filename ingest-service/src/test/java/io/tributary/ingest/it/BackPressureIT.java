package io.tributary.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * A broker (secured: SASL/SCRAM, ACLs; the service logs in as the platform) that stops answering: the producer's bounded delivery timeout turns the request into a
 * 429 with Retry-After, nothing is remembered under its Idempotency-Key, and the same request
 * retried once the broker is back lands exactly once.
 */
class BackPressureIT {
    private static final String ORDERS = "/zones/shop/datasets/orders/records";

    @TempDir
    static Path dir;
    static SecuredBroker broker;
    static IngestProcess ingest;

    @BeforeAll
    static void start() throws Exception {
        broker = SecuredBroker.start(dir);
        Topics.create(broker.client(), 1, "shop.landing.orders");
        Map<String, String> settings = new HashMap<>(broker.ingestSettings("back-pressure"));
        settings.putAll(Map.of(
                "tributary.ingest.auth.mode", "open",
                "tributary.ingest.retry-after", "1s",
                "kafka.linger.ms", "0",
                "kafka.max.block.ms", "1000",
                "kafka.request.timeout.ms", "1000",
                "kafka.delivery.timeout.ms", "2500"));
        ingest = IngestProcess.launch("back-pressure", broker.bootstrapServers(), settings);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aStoppedBrokerIsAnswered429WithRetryAfterAndTheRetryLandsOnce() throws Exception {
        String body = "{\"order_id\":\"bp-1\",\"total\":1}";
        assertThat(ingest.post(ORDERS, "application/json", body, "X-Request-Id", "bp-warm-up").statusCode()).isEqualTo(200);
        broker.stop();

        long start = System.nanoTime();
        HttpResponse<String> busy = ingest.post(ORDERS, "application/json", body, "Idempotency-Key", "bp-key", "X-Request-Id", "bp-retry");
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(429);
        assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        assertThat(new ObjectMapper().readTree(busy.body()).get("error_code").asText()).isEqualTo("BACK_PRESSURE");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by delivery.timeout.ms").isLessThan(Duration.ofSeconds(15));

        broker.restart();
        HttpResponse<String> retried = busy;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (retried.statusCode() == 429 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            retried = ingest.post(ORDERS, "application/json", body, "Idempotency-Key", "bp-key", "X-Request-Id", "bp-retry");
        }
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        HttpResponse<String> again = ingest.post(ORDERS, "application/json", body, "Idempotency-Key", "bp-key", "X-Request-Id", "bp-again");
        assertThat(again.body()).isEqualTo(retried.body());

        assertThat(Topics.ofRequest(broker.client(), "shop.landing.orders", "bp-retry", 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(ingest.get("/q/metrics").body()).contains("tributary_ingest_errors_total{dataset=\"orders\",error_code=\"BACK_PRESSURE\",zone=\"shop\"}");
    }
}
