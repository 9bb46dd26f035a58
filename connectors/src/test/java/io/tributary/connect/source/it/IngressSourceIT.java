package io.tributary.connect.source.it;

import static io.tributary.connect.source.it.IngressPlatform.header;
import static io.tributary.connect.source.it.IngressPlatform.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.connect.source.support.TestFiles;
import io.tributary.model.PlatformTopics;
import io.tributary.model.RejectHeaderNames;

/**
 * The ingress source in a real Connect worker (exactly-once source support on) against a real
 * broker and S3Proxy: zone {@code finance} is driven by S3 event notifications, zone
 * {@code audit} by listing alone.
 */
class IngressSourceIT {
    /** Reads numbers exactly, as the validator does. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final String EVENTS = "_s3.events";
    private static IngressPlatform platform;

    @BeforeAll
    static void start() {
        platform = IngressPlatform.get();
        platform.createTopics(EVENTS, PlatformTopics.batches("finance"), PlatformTopics.batches("audit"), "finance.landing.csv_files",
                "finance.landing.json_files", "finance.landing.xlsx_files", "finance.landing.parquet_files", "finance.landing.twice",
                "audit.landing.reports");
        Map<String, String> finance = platform.connectorConfig("finance");
        finance.put("notification.topic", EVENTS);
        finance.put("notification.bootstrap.servers", platform.kafka.bootstrapServers());
        finance.putAll(platform.kafka.connectorClientSettings("notification.consumer."));
        finance.put("listing.interval.ms", "3600000");
        platform.startConnector("finance-ingress", finance);
        Map<String, String> audit = platform.connectorConfig("audit");
        audit.put("listing.interval.ms", "1000");
        audit.put("csv.records", "raw");
        audit.put("landing.bootstrap.servers", platform.kafka.bootstrapServers());
        audit.putAll(platform.kafka.connectorClientSettings("landing.admin."));
        platform.startConnector("audit-ingress", audit);
    }

    private static String drop(String key, byte[] content) {
        String eTag = platform.upload(key, content);
        if (key.startsWith("finance/")) {
            platform.announce(EVENTS, key, eTag, content.length);
        }
        return eTag;
    }

    /** The records of one batch in landing, checked for the batch headers: the id on each, the count on the last alone. */
    private static List<JsonNode> batch(String topic, int rows, String batchId) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = platform.readCommitted(topic, rows);
        assertThat(records).as("records in " + topic).hasSize(rows);
        assertThat(records).allSatisfy(r -> assertThat(header(r, RejectHeaderNames.BATCH_ID)).isEqualTo(batchId));
        assertThat(records.subList(0, rows - 1)).allSatisfy(r -> assertThat(header(r, RejectHeaderNames.BATCH_END)).isNull());
        assertThat(header(records.get(rows - 1), RejectHeaderNames.BATCH_END)).isEqualTo(String.valueOf(rows));
        List<JsonNode> values = new java.util.ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            values.add(r.value()[0] == '{' ? JSON.readTree(r.value()) : JSON.getNodeFactory().textNode(text(r.value())));
        }
        return values;
    }

    /**
     * The zone's batch records (arrivals and reports) on its own batches topic, keyed by record key, the
     * latest of each; every one of them must be of that zone (nothing crosses zones).
     */
    private static Map<String, JsonNode> catalogue(String zone, int atLeast) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : platform.readCommitted(PlatformTopics.batches(zone), atLeast)) {
            assertThat(text(r.key()).replaceFirst("^arrival:", "")).as("a record on " + PlatformTopics.batches(zone)).startsWith(zone + ".");
            try {
                byKey.put(text(r.key()), JSON.readTree(r.value()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return byKey;
    }

    @Test
    void theSharedBrokerIsSecured() {
        // The ITs must run against SASL/SCRAM and ACLs, as the platform does: a fall-back to an open broker fails here.
        assertThat(platform.kafka.listTopicsWithWrongPassword()).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void eachFormatLandsAsOneBatchAndEveryFileIsCatalogued() throws Exception {
        String csv = TestFiles.expenseCsv(20).replace("C-7,\"taxi, airport\",17.50", "C-7,\"taxi, airport\",twelve");
        String csvTag = drop("finance/csv_files/2024-05/claims.csv", csv.getBytes(StandardCharsets.UTF_8));
        String jsonTag = drop("finance/json_files/claims.jsonl", "{\"id\":1,\"amount\":12.50}\n{\"id\":2,\"amount\":7}\n{\"id\":3}\n"
                .getBytes(StandardCharsets.UTF_8));
        byte[] workbook = TestFiles.expenseWorkbook(6);
        String xlsxTag = drop("finance/xlsx_files/may.xlsx", workbook);
        String parquetTag = drop("finance/parquet_files/part-0.parquet", TestFiles.expenseParquet(platform.dir, 8));

        List<JsonNode> csvRows = batch("finance.landing.csv_files", 20, "2024-05/claims.csv@" + csvTag);
        // The bad amount is landed as it is: the batch headers are right, the validator rejects the batch.
        assertThat(csvRows.get(6).get("amount").asText()).isEqualTo("twelve");
        assertThat(csvRows.get(0).get("description").asText()).isEqualTo("taxi, airport");

        List<JsonNode> jsonRows = batch("finance.landing.json_files", 3, "claims.jsonl@" + jsonTag);
        assertThat(jsonRows.get(0).toString()).isEqualTo("{\"id\":1,\"amount\":12.50}");

        List<JsonNode> xlsxRows = batch("finance.landing.xlsx_files", 6, "may.xlsx@" + xlsxTag);
        assertThat(xlsxRows.get(0).get("amount_doubled").decimalValue()).isEqualByComparingTo("22.5");
        assertThat(xlsxRows.get(0).get("spent_on").asText()).isEqualTo("2024-05-02");
        assertThat(xlsxRows.get(0).get("submitted_at").asText()).isEqualTo("2024-05-02T09:31");
        assertThat(xlsxRows.get(1).get("note").isNull()).isTrue();

        List<JsonNode> parquetRows = batch("finance.landing.parquet_files", 8, "part-0.parquet@" + parquetTag);
        assertThat(parquetRows.get(7).get("count").asLong()).isEqualTo(8);
        assertThat(parquetRows.get(0).get("submitted_at").asText()).isEqualTo("2024-05-01T10:00:00.001Z");

        Map<String, JsonNode> catalogue = catalogue("finance", 4);
        JsonNode xlsxArrival = catalogue.get("arrival:finance.xlsx_files/may.xlsx@" + xlsxTag);
        assertThat(xlsxArrival).as("arrival of may.xlsx in " + catalogue.keySet()).isNotNull();
        assertThat(xlsxArrival.get("status").asText()).isEqualTo("INGESTED");
        assertThat(xlsxArrival.get("records").asLong()).isEqualTo(6);
        assertThat(xlsxArrival.get("size").asLong()).isEqualTo(workbook.length);
        assertThat(xlsxArrival.get("format").asText()).isEqualTo("xlsx");
        assertThat(xlsxArrival.get("source").asText()).isEqualTo("s3://ingress/finance/xlsx_files/may.xlsx");
        assertThat(xlsxArrival.get("checksum").asText()).startsWith("sha256:");
        assertThat(catalogue.get("arrival:finance.csv_files/2024-05/claims.csv@" + csvTag).get("records").asLong()).isEqualTo(20);

        await().atMost(Duration.ofSeconds(30)).until(() -> platform.exists("_processed/finance/xlsx_files/may.xlsx")
                && !platform.exists("finance/xlsx_files/may.xlsx") && platform.exists("_processed/finance/parquet_files/part-0.parquet"));
    }

    @Test
    void badFilesAreRejectedWithAReasonAndTheConnectorGoesOnWithTheNextFile() throws Exception {
        platform.upload("audit/reports/secret.xlsx", TestFiles.encryptedWorkbook());
        platform.upload("audit/reports/empty.csv", new byte[0]);
        platform.upload("audit/reports/notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        platform.upload("audit/reports/cut.jsonl", "{\"id\":1}\n{\"id\":2,\"te".getBytes(StandardCharsets.UTF_8));
        platform.upload("audit/undeclared/claims.csv", "id\n1\n".getBytes(StandardCharsets.UTF_8));
        byte[] latin1 = "id,city\n1,K\u00f8benhavn\n".getBytes(StandardCharsets.ISO_8859_1);
        platform.upload("audit/reports/latin1.csv", latin1);
        String good = platform.upload("audit/reports/zz-good.csv", "id,city\n1,Brussels\n2,\"Gent, BE\"\n".getBytes(StandardCharsets.UTF_8));

        List<JsonNode> rows = batch("audit.landing.reports", 2, "zz-good.csv@" + good);
        // raw CSV: the row as written, the header line beside it
        assertThat(rows.get(1).asText()).isEqualTo("2,\"Gent, BE\"");
        assertThat(header(platform.readCommitted("audit.landing.reports", 2).get(0), RejectHeaderNames.CSV_HEADER)).isEqualTo("id,city");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> reasons = catalogue("audit", 1).entrySet().stream()
                    .filter(e -> e.getKey().startsWith("audit.reports/") && e.getValue().path("outcome").asText().equals("REJECTED"))
                    .collect(Collectors.toMap(e -> e.getKey().substring("audit.reports/".length(), e.getKey().indexOf('@')),
                            e -> e.getValue().get("reason").asText()));
            assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("secret.xlsx", "ENCRYPTED_FILE", "empty.csv", "EMPTY_FILE",
                    "notes.txt", "UNSUPPORTED_FORMAT", "cut.jsonl", "TRUNCATED_FILE", "latin1.csv", "WRONG_ENCODING"));
            assertThat(catalogue("audit", 1).entrySet().stream().filter(e -> e.getKey().startsWith("audit.undeclared/claims.csv@"))
                    .map(e -> e.getValue().get("reason").asText())).containsExactly("UNKNOWN_DATASET");
        });
        JsonNode report = catalogue("audit", 1).entrySet().stream().filter(e -> e.getKey().startsWith("audit.reports/secret.xlsx@"))
                .findFirst().orElseThrow().getValue();
        assertThat(report.get("message").asText()).contains("s3://ingress/audit/reports/secret.xlsx").contains("password");
        assertThat(report.get("failures").get(0).get("topic").asText()).isEqualTo("s3://ingress/audit/reports/secret.xlsx");
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(new String[] {"secret.xlsx", "empty.csv", "notes.txt", "cut.jsonl",
                "latin1.csv"}).allMatch(f -> platform.exists("_rejected/audit/reports/" + f)) && platform.exists("_processed/audit/reports/zz-good.csv"));
    }

    @Test
    void theSameFileDroppedTwiceIsIngestedOnce() throws Exception {
        byte[] csv = TestFiles.expenseCsv(3).getBytes(StandardCharsets.UTF_8);
        String eTag = drop("finance/twice/claims.csv", csv);
        // The notification delivered twice, as SNS/SQS may.
        platform.announce(EVENTS, "finance/twice/claims.csv", eTag, csv.length);
        batch("finance.landing.twice", 3, "claims.csv@" + eTag);
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.exists("_processed/finance/twice/claims.csv")
                && !platform.exists("finance/twice/claims.csv"));

        // Dropped again, same content: it is moved out of the way, not ingested again.
        assertThat(drop("finance/twice/claims.csv", csv)).isEqualTo(eTag);
        await().atMost(Duration.ofSeconds(30)).until(() -> !platform.exists("finance/twice/claims.csv"));
        // ... also after the task restarts and lists the bucket afresh.
        drop("finance/twice/claims.csv", csv);
        platform.rest.restartTask("finance-ingress", 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> !platform.exists("finance/twice/claims.csv"));
        assertThat(platform.readCommitted("finance.landing.twice", 3)).hasSize(3);
        long arrivals = platform.readCommitted(PlatformTopics.batches("finance"), 1).stream()
                .filter(r -> text(r.key()).startsWith("arrival:finance.twice/")).count();
        assertThat(arrivals).isEqualTo(1);
    }
}
