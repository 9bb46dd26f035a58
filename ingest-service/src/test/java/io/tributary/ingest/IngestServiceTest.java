package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.tributary.ingest.auth.Credential;
import io.tributary.ingest.auth.ZoneCredentials;
import io.tributary.ingest.body.BodyParsers;
import io.tributary.ingest.catalog.BatchArrival;
import io.tributary.ingest.idempotency.IdempotencyCache;
import io.tributary.ingest.publish.KafkaLandingPublisher;
import io.tributary.ingest.publish.LandingPublisher;
import io.tributary.ingest.publish.OutgoingRecord;
import io.tributary.ingest.publish.RecordOutcome;
import io.tributary.ingest.zones.DatasetDirectory;

/** The service's checks and answers, with a publisher that records what it was given. */
class IngestServiceTest {
    private static final String FIN_TOKEN = "Bearer fin";

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<BatchArrival> arrivals = new ArrayList<>();
    private final IngestService service = new IngestService(new Datasets(), new ZoneCredentials(List.of(
            new Credential("finance", Credential.Type.TOKEN, "ci", "fin"), new Credential("audit", Credential.Type.TOKEN, "ci", "aud"))),
            new BodyParsers(), publisher, arrivals::add, new IdempotencyCache<>(100, Duration.ofHours(1), Clock.systemUTC()),
            new IngestLimits(1000, Duration.ofSeconds(3)), IngestMetrics.NONE);

    @Test
    void jsonRecordsGoUnchangedToTheLandingTopicWithSourceHeaders() {
        IngestAnswer answer = service.ingest(request("application/json", "[{\"a\":1}, {\"a\":2}]", FIN_TOKEN, null, null));

        assertThat(answer.status()).isEqualTo(200);
        IngestResult result = (IngestResult) answer.body();
        assertThat(result.topic()).isEqualTo("finance.landing.expenses");
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.records()).extracting(IngestResult.RecordResult::offset).containsExactly(0L, 1L);
        assertThat(publisher.topics).containsExactly("finance.landing.expenses");
        assertThat(publisher.sent).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("{\"a\":1}", "{\"a\":2}");
        OutgoingRecord first = publisher.sent.get(0);
        assertThat(header(first, "tributary.source")).isEqualTo("http");
        assertThat(header(first, "tributary.source.address")).isEqualTo("10.0.0.7");
        assertThat(header(first, "tributary.request.id")).isEqualTo("req-1");
        assertThat(header(first, "tributary.source.principal")).isEqualTo("finance/token:ci");
        assertThat(header(first, "tributary.batch.id")).isNull();
        assertThat(arrivals).as("no batch, no arrival record").isEmpty();
    }

    @Test
    void csvRowsCarryTheHeaderLineAndABatchMarksItsLastRecordWithTheCount() {
        IngestAnswer answer = service.ingest(request("text/csv", "id,amount\n1,2.5\n2,3\n3,4\n", FIN_TOKEN, null, "b-7"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(((IngestResult) answer.body()).batchId()).isEqualTo("b-7");
        assertThat(publisher.sent).hasSize(3).allSatisfy(r -> {
            assertThat(header(r, "tributary.csv.header")).isEqualTo("id,amount");
            assertThat(header(r, "tributary.batch.id")).isEqualTo("b-7");
        });
        assertThat(publisher.sent).extracting(r -> header(r, "tributary.batch.end")).containsExactly(null, null, "3");
        assertThat(arrivals).singleElement().satisfies(a -> {
            assertThat(new String(a.keyBytes(), StandardCharsets.UTF_8)).isEqualTo("arrival:finance.expenses/b-7");
            assertThat(a.source()).isEqualTo("http:finance/token:ci");
            assertThat(a.records()).isEqualTo(3);
            assertThat(a.size()).isEqualTo("id,amount\n1,2.5\n2,3\n3,4\n".length());
            // printf 'id,amount\n1,2.5\n2,3\n3,4\n' | sha256sum
            assertThat(a.checksum()).isEqualTo("sha256:dc19b853641c7c728c3663176c485647ec1057af0f03fe6f5c3afec36f975e95");
            assertThat(a.format()).isEqualTo("csv");
            assertThat(a.topic()).isEqualTo("finance.landing.expenses");
            assertThat(a.status()).isEqualTo("INGESTED");
            assertThat(java.time.Instant.parse(a.arrivedAt())).isBeforeOrEqualTo(java.time.Instant.parse(a.ingestedAt()));
        });
    }

    @Test
    void aRequestToADatasetApprovedInBatchesIsOneBatchNamedByTheRequestId() {
        IngestAnswer answer = service.ingest(request("application/x-ndjson", "{\"a\":1}\n{\"a\":2}\n", FIN_TOKEN, null, null, "finance", "claims"));

        assertThat(((IngestResult) answer.body()).batchId()).isEqualTo("req-1");
        assertThat(publisher.sent).extracting(r -> header(r, "tributary.batch.id")).containsExactly("req-1", "req-1");
        assertThat(publisher.sent).extracting(r -> header(r, "tributary.batch.end")).containsExactly(null, "2");
    }

    @Test
    void refusalsInOrderOfTheirChecks() {
        assertError(request("application/json", "{}", FIN_TOKEN, null, null, "nozone", "expenses"), 404, "ZONE_NOT_FOUND");
        assertError(request("application/json", "{}", null, null, null), 401, "UNAUTHORIZED");
        assertError(request("application/json", "{}", "Bearer aud", null, null), 403, "FORBIDDEN");
        assertError(request("application/json", "{}", FIN_TOKEN, null, null, "finance", "nodataset"), 404, "DATASET_NOT_FOUND");
        assertError(request("application/json", "{\"x\":\"" + "y".repeat(1000) + "\"}", FIN_TOKEN, null, null), 413, "BODY_TOO_LARGE");
        assertError(request("application/xml", "<a/>", FIN_TOKEN, null, null), 415, "UNSUPPORTED_CONTENT_TYPE");
        assertError(request("application/json", "{\"a\":1}", FIN_TOKEN, null, " "), 400, "INVALID_BATCH_ID");
        IngestAnswer malformed = assertError(request("application/x-ndjson", "{\"a\":1}\n{oops}\n", FIN_TOKEN, null, null), 400,
                "MALFORMED_BODY");
        assertThat(((ErrorBody) malformed.body()).line()).isEqualTo(2L);
        assertThat(((ErrorBody) malformed.body()).byteOffset()).isNotNull();
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void unauthorisedAnswersSayHowToAuthenticate() {
        IngestAnswer answer = service.ingest(request("application/json", "{}", null, null, null));
        assertThat(answer.headers().get("WWW-Authenticate")).contains("Basic").contains("Bearer");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalAnswerAndSendsNothing() {
        IngestAnswer first = service.ingest(request("application/json", "[{\"a\":1},{\"a\":2}]", FIN_TOKEN, "key-1", null));
        IngestAnswer retry = service.ingest(request("application/json", "[{\"a\":1},{\"a\":2}]", FIN_TOKEN, "key-1", null));

        assertThat(retry).isEqualTo(first);
        assertThat(publisher.sent).hasSize(2);
        assertError(request("application/json", "[{\"a\":3}]", FIN_TOKEN, "key-1", null), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(service.ingest(request("application/json", "[{\"a\":1},{\"a\":2}]", FIN_TOKEN, "key-2", null)).status()).isEqualTo(200);
        assertThat(publisher.sent).hasSize(4);
        service.ingest(request("application/json", "[{\"a\":5}]", FIN_TOKEN, "key-b", "b-1"));
        service.ingest(request("application/json", "[{\"a\":5}]", FIN_TOKEN, "key-b", "b-1"));
        assertThat(arrivals).as("a replayed batch is not catalogued again").hasSize(1);
    }

    @Test
    void backPressureAnswers429WithRetryAfterAndLeavesTheKeyFreeForTheRetry() {
        publisher.outcome = i -> RecordOutcome.failed(i, KafkaLandingPublisher.TIMEOUT, "slow", true);
        IngestAnswer busy = service.ingest(request("application/json", "[{\"a\":1},{\"a\":2}]", FIN_TOKEN, "key-9", null));
        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.errorCode()).isEqualTo("BACK_PRESSURE");
        assertThat(busy.headers()).containsEntry("Retry-After", "3");

        publisher.outcome = i -> RecordOutcome.written(i, 0, 100 + i);
        IngestAnswer retried = service.ingest(request("application/json", "[{\"a\":1},{\"a\":2}]", FIN_TOKEN, "key-9", null));
        assertThat(retried.status()).isEqualTo(200);
    }

    @Test
    void partlyFailedRequestsAre207WithPerRecordErrors() {
        publisher.outcome = i -> i == 1 ? RecordOutcome.failed(i, KafkaLandingPublisher.RECORD_TOO_LARGE, "too large", false)
                : RecordOutcome.written(i, 2, 10 + i);
        IngestAnswer answer = service.ingest(request("application/x-ndjson", "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", FIN_TOKEN, null, null));

        assertThat(answer.status()).isEqualTo(207);
        IngestResult result = (IngestResult) answer.body();
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.records().get(1).errorCode()).isEqualTo("RECORD_TOO_LARGE");
        assertThat(result.records().get(1).line()).isEqualTo(2);
        assertThat(result.records().get(2).partition()).isEqualTo(2);
        assertThat(result.records().get(2).offset()).isEqualTo(12L);
        assertThat(arrivals).isEmpty();

        service.ingest(request("application/x-ndjson", "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", FIN_TOKEN, null, "b-partial"));
        assertThat(arrivals).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("INCOMPLETE");
            assertThat(a.records()).isEqualTo(2);
            assertThat(a.message()).isEqualTo("1 of 3 record(s) were not written");
            assertThat(a.format()).isEqualTo("ndjson");
        });
    }

    @Test
    void aBatchNothingOfWhichLandedHasNoArrival() {
        publisher.outcome = i -> RecordOutcome.failed(i, KafkaLandingPublisher.TIMEOUT, "slow", true);
        assertThat(service.ingest(request("application/json", "[{\"a\":1}]", FIN_TOKEN, null, "b-busy")).status()).isEqualTo(429);
        assertThat(arrivals).isEmpty();
    }

    @Test
    void aLandingTopicKafkaRefusesToTheZonesProducerIsA500NamingTopicAndPrincipalAndNoArrival() {
        publisher.outcome = i -> RecordOutcome.failed(i, KafkaLandingPublisher.NOT_AUTHORIZED,
                "Kafka refused User:audit-producer write access to finance.landing.claims (TopicAuthorizationException: …)", false);
        IngestAnswer refused = assertError(request("application/json", "[{\"a\":1}]", FIN_TOKEN, "key-acl", "b-acl", "finance", "claims"),
                500, "LANDING_NOT_AUTHORIZED");
        assertThat(((ErrorBody) refused.body()).message()).contains("User:audit-producer", "finance.landing.claims", "nothing was written");
        assertThat(arrivals).isEmpty();

        publisher.outcome = i -> RecordOutcome.failed(i, KafkaLandingPublisher.AUTHENTICATION_FAILED,
                "Kafka did not accept the credentials of User:finance-producer (…)", false);
        assertError(request("application/json", "[{\"a\":1}]", FIN_TOKEN, "key-acl", null), 500, "LANDING_AUTHENTICATION_FAILED");

        publisher.outcome = null;
        assertThat(service.ingest(request("application/json", "[{\"a\":1}]", FIN_TOKEN, "key-acl", "b-acl", "finance", "claims")).status())
                .as("the key is free again once the identity is fixed").isEqualTo(200);
    }

    private IngestAnswer assertError(IngestRequest request, int status, String code) {
        IngestAnswer answer = service.ingest(request);
        assertThat(answer.status()).as(code).isEqualTo(status);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(((ErrorBody) answer.body()).message()).isNotBlank();
        return answer;
    }

    private static IngestRequest request(String type, String body, String auth, String key, String batch) {
        return request(type, body, auth, key, batch, "finance", "expenses");
    }

    private static IngestRequest request(String type, String body, String auth, String key, String batch, String zone, String dataset) {
        return new IngestRequest(zone, dataset, type, body.getBytes(StandardCharsets.UTF_8), auth, key, batch, "10.0.0.7", "req-1");
    }

    private static String header(OutgoingRecord record, String key) {
        Header h = null;
        for (Header candidate : record.headers()) {
            if (candidate.key().equals(key)) {
                h = candidate;
            }
        }
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static final class Datasets implements DatasetDirectory {
        private final Map<String, Set<String>> zones = Map.of("finance", Set.of("expenses", "claims"), "audit", Set.of("findings"));

        @Override
        public boolean hasZone(String zone) {
            return zones.containsKey(zone);
        }

        @Override
        public boolean hasDataset(String zone, String dataset) {
            return zones.getOrDefault(zone, Set.of()).contains(dataset);
        }

        @Override
        public boolean validatedInBatches(String zone, String dataset) {
            return dataset.equals("claims");
        }

        @Override
        public Set<String> zones() {
            return zones.keySet();
        }
    }

    private static final class RecordingPublisher implements LandingPublisher {
        final List<String> topics = new ArrayList<>();
        final List<OutgoingRecord> sent = new ArrayList<>();
        Function<Integer, RecordOutcome> outcome;
        private long next;

        @Override
        public List<RecordOutcome> publish(String topic, List<OutgoingRecord> records) {
            topics.add(topic);
            List<RecordOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                RecordOutcome o = outcome != null ? outcome.apply(i) : RecordOutcome.written(i, 0, next++);
                if (o.ok()) {
                    sent.add(records.get(i));
                }
                outcomes.add(o);
            }
            return outcomes;
        }
    }
}
