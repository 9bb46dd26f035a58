package io.tributary.ingest.it;

import static io.tributary.ingest.it.Topics.header;
import static io.tributary.ingest.it.Topics.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.model.PlatformTopics;

/**
 * The packaged service against a real in-process broker, secured (SASL/SCRAM, ACLs; the service and
 * the tests log in as the platform): each content type lands unchanged with its headers, each
 * refusal answers its status and JSON error, retries with an Idempotency-Key send nothing twice,
 * zone credentials are enforced, and the metrics count it all.
 */
class IngestServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = "/zones/shop/datasets/orders/records";
    private static final String SHOP_TOKEN = "Bearer shop-token";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BATCHES = PlatformTopics.batches("shop");
    private static final String AUDIT_BATCHES = PlatformTopics.batches("audit");

    @TempDir
    static Path dir;
    static SecuredBroker broker;
    static IngestProcess ingest;

    @BeforeAll
    static void start() throws Exception {
        broker = SecuredBroker.start(dir);
        Topics.create(broker.client(), 2, "shop.landing.orders", "shop.landing.refunds", "audit.landing.findings");
        Topics.create(broker.client(), 1, BATCHES, AUDIT_BATCHES);
        Map<String, String> settings = new HashMap<>(broker.ingestSettings("main"));
        settings.put("tributary.ingest.auth.credentials-file", IngestProcess.resource("credentials.yaml").toString());
        settings.put("tributary.ingest.max-body-size", "64K");
        ingest = IngestProcess.launch("main", broker.bootstrapServers(), settings);
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
    void aJsonArrayLandsUnchangedOneRecordPerObjectWithSourceHeaders() throws Exception {
        String first = "{\"order_id\": \"o-1\",  \"total\": 12.5}";
        String second = "{\"order_id\":\"o-2\",\"total\":3}";
        HttpResponse<String> response = ingest.post(ORDERS, "application/json", "[" + first + ",\n " + second + "]",
                "Authorization", SHOP_TOKEN, "X-Request-Id", "json-array");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("request_id").asText()).isEqualTo("json-array");
        assertThat(answer.get("topic").asText()).isEqualTo("shop.landing.orders");
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);

        List<ConsumerRecord<byte[], byte[]>> landed = Topics.ofRequest(broker.client(), "shop.landing.orders", "json-array", 2, WAIT);
        assertThat(landed).extracting(r -> text(r.value())).containsExactlyInAnyOrder(first, second);
        for (JsonNode result : answer.get("records")) {
            ConsumerRecord<byte[], byte[]> atOffset = landed.stream()
                    .filter(r -> r.partition() == result.get("partition").asInt() && r.offset() == result.get("offset").asLong())
                    .findFirst().orElseThrow(() -> new AssertionError("no record where the answer says: " + result));
            assertThat(text(atOffset.value())).isEqualTo(result.get("index").asInt() == 0 ? first : second);
        }
        ConsumerRecord<byte[], byte[]> record = landed.get(0);
        assertThat(record.key()).isNull();
        assertThat(header(record, "tributary.source")).isEqualTo("http");
        assertThat(header(record, "tributary.source.address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(header(record, "tributary.source.principal")).isEqualTo("shop/token:ci");
        assertThat(header(record, "tributary.batch.id")).isNull();
    }

    @Test
    void ndjsonLinesLandOneRecordEach() throws Exception {
        HttpResponse<String> response = ingest.post(ORDERS, "application/x-ndjson",
                "{\"order_id\":\"n-1\",\"total\":1}\r\n\n{\"order_id\":\"n-2\",\"total\":2}\n{\"order_id\":\"n-3\",\"total\":3}\n",
                "Authorization", basic("orders-app", "orders-secret"), "X-Request-Id", "ndjson");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("records")).extracting(r -> r.get("line").asInt()).containsExactly(1, 3, 4);
        List<ConsumerRecord<byte[], byte[]>> landed = Topics.ofRequest(broker.client(), "shop.landing.orders", "ndjson", 3, WAIT);
        assertThat(landed).extracting(r -> text(r.value())).containsExactlyInAnyOrder("{\"order_id\":\"n-1\",\"total\":1}",
                "{\"order_id\":\"n-2\",\"total\":2}", "{\"order_id\":\"n-3\",\"total\":3}");
        assertThat(header(landed.get(0), "tributary.source.principal")).isEqualTo("shop/user:orders-app");
    }

    @Test
    void csvRowsLandWithTheHeaderLineAndABatchEndsOnItsLastRecord() throws Exception {
        HttpResponse<String> response = ingest.post("/zones/shop/datasets/refunds/records?batch=refunds-2026-11", "text/csv; charset=utf-8",
                "order_id,total\r\nr-1,1.5\r\n\"r-2\",\"2,5\"\r\nr-3,3\r\n", "Authorization", SHOP_TOKEN, "X-Request-Id", "csv-batch");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("batch_id").asText()).isEqualTo("refunds-2026-11");
        List<ConsumerRecord<byte[], byte[]>> landed = Topics.ofRequest(broker.client(), "shop.landing.refunds", "csv-batch", 3, WAIT);
        assertThat(landed).extracting(r -> text(r.value())).containsExactlyInAnyOrder("r-1,1.5", "\"r-2\",\"2,5\"", "r-3,3");
        assertThat(landed).allSatisfy(r -> {
            assertThat(header(r, "tributary.csv.header")).isEqualTo("order_id,total");
            assertThat(header(r, "tributary.batch.id")).isEqualTo("refunds-2026-11");
        });
        // The batch end marker is on the last record of the body, whichever partition it went to.
        JsonNode last = answer.get("records").get(2);
        ConsumerRecord<byte[], byte[]> lastRecord = landed.stream()
                .filter(r -> r.partition() == last.get("partition").asInt() && r.offset() == last.get("offset").asLong()).findFirst().orElseThrow();
        assertThat(text(lastRecord.value())).isEqualTo("r-3,3");
        assertThat(landed).extracting(r -> header(r, "tributary.batch.end")).containsOnlyOnce("3").filteredOn(v -> v != null).hasSize(1);

        HttpResponse<String> viaHeader = ingest.post("/zones/shop/datasets/refunds/records", "text/csv", "order_id,total\nr-9,9\n",
                "Authorization", SHOP_TOKEN, "Tributary-Batch-Id", "b-header", "X-Request-Id", "csv-batch-header");
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        List<ConsumerRecord<byte[], byte[]>> single = Topics.ofRequest(broker.client(), "shop.landing.refunds", "csv-batch-header", 1, WAIT);
        assertThat(header(single.get(0), "tributary.batch.id")).isEqualTo("b-header");
        assertThat(header(single.get(0), "tributary.batch.end")).isEqualTo("1");

        // Each batch's arrival is catalogued as the ingress source's files are (docs/ingress.md).
        List<ConsumerRecord<byte[], byte[]>> arrivals = Topics.keyed(broker.client(), BATCHES, "arrival:shop.refunds/refunds-2026-11",
                1, WAIT);
        assertThat(arrivals).hasSize(1);
        JsonNode arrival = JSON.readTree(arrivals.get(0).value());
        assertThat(arrival.get("kind").asText()).isEqualTo("ARRIVAL");
        assertThat(arrival.get("zone").asText()).isEqualTo("shop");
        assertThat(arrival.get("dataset").asText()).isEqualTo("refunds");
        assertThat(arrival.get("batchId").asText()).isEqualTo("refunds-2026-11");
        assertThat(arrival.get("source").asText()).isEqualTo("http:shop/token:ci");
        assertThat(arrival.get("requestId").asText()).isEqualTo("csv-batch");
        assertThat(arrival.get("size").asLong()).isEqualTo("order_id,total\r\nr-1,1.5\r\n\"r-2\",\"2,5\"\r\nr-3,3\r\n".length());
        assertThat(arrival.get("records").asLong()).isEqualTo(3);
        // printf 'order_id,total\r\nr-1,1.5\r\n"r-2","2,5"\r\nr-3,3\r\n' | sha256sum
        assertThat(arrival.get("checksum").asText()).isEqualTo("sha256:5e20c94d8bc10efd2166da2ecca6439186e645f38d48b71954c3bbbb55041f8b");
        assertThat(arrival.get("format").asText()).isEqualTo("csv");
        assertThat(arrival.get("topic").asText()).isEqualTo("shop.landing.refunds");
        assertThat(arrival.get("status").asText()).isEqualTo("INGESTED");
        assertThat(java.time.Instant.parse(arrival.get("arrivedAt").asText())).isBeforeOrEqualTo(
                java.time.Instant.parse(arrival.get("ingestedAt").asText()));
        assertThat(Topics.keyed(broker.client(), BATCHES, "arrival:shop.refunds/b-header", 1, WAIT)).hasSize(1);
    }

    @Test
    void badRequestsAreRefusedWithTheirCodeAndWhereAndNothingLands() throws Exception {
        assertRefused(ingest.post("/zones/nowhere/datasets/orders/records", "application/json", "{}", "Authorization", SHOP_TOKEN,
                "X-Request-Id", "bad"), 404, "ZONE_NOT_FOUND");
        assertRefused(ingest.post("/zones/shop/datasets/nothing/records", "application/json", "{}", "Authorization", SHOP_TOKEN,
                "X-Request-Id", "bad"), 404, "DATASET_NOT_FOUND");
        assertRefused(ingest.post(ORDERS, "application/json", "[" + "{\"order_id\":\"x\",\"total\":1},".repeat(3000) + "{}]",
                "Authorization", SHOP_TOKEN, "X-Request-Id", "bad"), 413, "BODY_TOO_LARGE");
        assertRefused(ingest.post(ORDERS, "application/xml", "<order/>", "Authorization", SHOP_TOKEN, "X-Request-Id", "bad"), 415,
                "UNSUPPORTED_CONTENT_TYPE");
        assertRefused(ingest.post(ORDERS, null, "{}", "Authorization", SHOP_TOKEN, "X-Request-Id", "bad"), 415, "UNSUPPORTED_CONTENT_TYPE");
        JsonNode malformed = assertRefused(ingest.post(ORDERS, "application/json", "[{\"order_id\":\"m-1\",\"total\":1},\n{\"order_id\": }]",
                "Authorization", SHOP_TOKEN, "X-Request-Id", "bad"), 400, "MALFORMED_BODY");
        assertThat(malformed.get("line").asInt()).isEqualTo(2);
        assertThat(malformed.get("message").asText()).startsWith("line 2");
        JsonNode badCsv = assertRefused(ingest.post("/zones/shop/datasets/refunds/records", "text/csv", "order_id,total\nr-1,\"1\n",
                "Authorization", SHOP_TOKEN, "X-Request-Id", "bad"), 400, "MALFORMED_BODY");
        assertThat(badCsv.get("message").asText()).contains("never closed");

        assertThat(Topics.ofRequest(broker.client(), "shop.landing.orders", "bad", 1, Duration.ofSeconds(1))).isEmpty();
        assertThat(Topics.ofRequest(broker.client(), "shop.landing.refunds", "bad", 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheOriginalAnswerAndNothingIsSentTwice() throws Exception {
        String body = "[{\"order_id\":\"i-1\",\"total\":1},{\"order_id\":\"i-2\",\"total\":2}]";
        HttpResponse<String> original = ingest.post(ORDERS, "application/json", body, "Authorization", SHOP_TOKEN,
                "Idempotency-Key", "order-batch-42", "X-Request-Id", "idem-original");
        HttpResponse<String> retry = ingest.post(ORDERS, "application/json", body, "Authorization", SHOP_TOKEN,
                "Idempotency-Key", "order-batch-42", "X-Request-Id", "idem-retry");

        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(original.body()));
        assertThat(Topics.ofRequest(broker.client(), "shop.landing.orders", "idem-original", 2, WAIT)).hasSize(2);
        assertThat(Topics.ofRequest(broker.client(), "shop.landing.orders", "idem-retry", 1, Duration.ofSeconds(1))).isEmpty();

        assertRefused(ingest.post(ORDERS, "application/json", "[{\"order_id\":\"i-3\",\"total\":3}]", "Authorization", SHOP_TOKEN,
                "Idempotency-Key", "order-batch-42", "X-Request-Id", "idem-other-body"), 422, "IDEMPOTENCY_KEY_REUSED");
        // The same key on another dataset is another key.
        HttpResponse<String> otherDataset = ingest.post("/zones/shop/datasets/refunds/records", "text/csv", "order_id,total\ni-1,1\n",
                "Authorization", SHOP_TOKEN, "Idempotency-Key", "order-batch-42", "X-Request-Id", "idem-refunds");
        assertThat(otherDataset.statusCode()).isEqualTo(200);
        // refunds is approved in batches: a request without a batch id is its own batch, named by the request id.
        assertThat(JSON.readTree(otherDataset.body()).get("batch_id").asText()).isEqualTo("idem-refunds");
        List<ConsumerRecord<byte[], byte[]>> refund = Topics.ofRequest(broker.client(), "shop.landing.refunds", "idem-refunds", 1, WAIT);
        assertThat(header(refund.get(0), "tributary.batch.id")).isEqualTo("idem-refunds");
        assertThat(header(refund.get(0), "tributary.batch.end")).isEqualTo("1");
        HttpResponse<String> refundRetry = ingest.post("/zones/shop/datasets/refunds/records", "text/csv", "order_id,total\ni-1,1\n",
                "Authorization", SHOP_TOKEN, "Idempotency-Key", "order-batch-42", "X-Request-Id", "idem-refunds-retry");
        assertThat(refundRetry.statusCode()).isEqualTo(200);
        // A replayed batch is catalogued once, and a request without a batch (orders) not at all.
        assertThat(Topics.keyed(broker.client(), BATCHES, "arrival:shop.refunds/idem-refunds", 2, Duration.ofSeconds(2))).hasSize(1);
        assertThat(Topics.keyed(broker.client(), BATCHES, "arrival:shop.orders/idem-original", 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void zoneCredentialsAreRequiredAndAnotherZonesCredentialIsForbidden() throws Exception {
        assertRefused(ingest.post(ORDERS, "application/json", "{\"order_id\":\"a-1\",\"total\":1}", "X-Request-Id", "auth"), 401,
                "UNAUTHORIZED");
        HttpResponse<String> wrong = ingest.post(ORDERS, "application/json", "{\"order_id\":\"a-1\",\"total\":1}",
                "Authorization", basic("orders-app", "guess"), "X-Request-Id", "auth");
        assertRefused(wrong, 401, "UNAUTHORIZED");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
        assertRefused(ingest.post(ORDERS, "application/json", "{\"order_id\":\"a-1\",\"total\":1}", "Authorization", "Bearer audit-token",
                "X-Request-Id", "auth"), 403, "FORBIDDEN");
        assertThat(Topics.ofRequest(broker.client(), "shop.landing.orders", "auth", 1, Duration.ofSeconds(1))).isEmpty();

        HttpResponse<String> audit = ingest.post("/zones/audit/datasets/findings/records?batch=audit-1", "application/json",
                "{\"finding_id\":\"f-1\"}", "Authorization", "Bearer audit-token", "X-Request-Id", "auth-audit");
        assertThat(audit.statusCode()).isEqualTo(200);
        // Each zone's batches are catalogued on its own topic, never on another zone's.
        assertThat(Topics.keyed(broker.client(), AUDIT_BATCHES, "arrival:audit.findings/audit-1", 1, WAIT)).hasSize(1);
        assertThat(Topics.keyed(broker.client(), BATCHES, "arrival:audit.findings/audit-1", 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void theBrokerRefusesAClientWithAWrongPassword() {
        // Guards the secured setup itself: on an open broker this would not be a SASL authentication failure.
        try (Admin intruder = Admin.create(broker.clientWithWrongPassword())) {
            assertThatThrownBy(() -> intruder.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void metricsCountRequestsRecordsErrorsAndLatency() throws Exception {
        ingest.post(ORDERS, "application/json", "[{\"order_id\":\"q-1\",\"total\":1},{\"order_id\":\"q-2\",\"total\":1}]",
                "Authorization", SHOP_TOKEN, "X-Request-Id", "metrics");
        ingest.post("/zones/nowhere/datasets/orders/records", "application/json", "{}", "X-Request-Id", "metrics-404");

        String metrics = ingest.get("/q/metrics").body();
        assertThat(metrics).containsPattern("tributary_ingest_requests_total\\{dataset=\"orders\",status=\"200\",zone=\"shop\"} [1-9]");
        assertThat(metrics).containsPattern("tributary_ingest_records_total\\{dataset=\"orders\",outcome=\"written\",zone=\"shop\"} [1-9][0-9]*\\.0");
        assertThat(metrics).contains("tributary_ingest_errors_total{dataset=\"unknown\",error_code=\"ZONE_NOT_FOUND\",zone=\"unknown\"}");
        assertThat(metrics).contains("tributary_ingest_request_seconds_count{dataset=\"orders\",zone=\"shop\"}");
    }

    private static JsonNode assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error_code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
