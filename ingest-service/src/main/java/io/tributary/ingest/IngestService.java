package io.tributary.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.ingest.auth.AccessDecision;
import io.tributary.ingest.auth.ZoneAccess;
import io.tributary.ingest.body.BodyParser;
import io.tributary.ingest.body.BodyParsers;
import io.tributary.ingest.body.LandingRecord;
import io.tributary.ingest.body.MalformedBodyException;
import io.tributary.ingest.body.ParsedBody;
import io.tributary.ingest.catalog.ArrivalCatalog;
import io.tributary.ingest.idempotency.Claim;
import io.tributary.ingest.idempotency.IdempotencyCache;
import io.tributary.ingest.idempotency.IdempotencyKey;
import io.tributary.ingest.publish.KafkaLandingPublisher;
import io.tributary.ingest.publish.LandingPublisher;
import io.tributary.ingest.publish.RecordOutcome;
import io.tributary.ingest.zones.DatasetDirectory;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;

/**
 * Carries out one ingest request: checks it (zone, credential, dataset, size, content type,
 * batch id, idempotency key), cuts the body into records and sends them, unchanged, to
 * {@code <zone>.landing.<dataset>}; a batch's arrival is then recorded in the arrival catalogue.
 * Plain Java: the HTTP resource only translates.
 */
public final class IngestService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    static final int MAX_BATCH_ID_LENGTH = 200;

    private final DatasetDirectory datasets;
    private final ZoneAccess access;
    private final BodyParsers parsers;
    private final LandingPublisher publisher;
    private final IdempotencyCache<IngestAnswer> answers;
    private final IngestLimits limits;
    private final IngestMetrics metrics;
    private final ArrivalCatalog arrivals;

    public IngestService(DatasetDirectory datasets, ZoneAccess access, BodyParsers parsers, LandingPublisher publisher,
            ArrivalCatalog arrivals, IdempotencyCache<IngestAnswer> answers, IngestLimits limits, IngestMetrics metrics) {
        this.datasets = datasets;
        this.access = access;
        this.parsers = parsers;
        this.publisher = publisher;
        this.arrivals = arrivals;
        this.answers = answers;
        this.limits = limits;
        this.metrics = metrics;
    }

    public IngestAnswer ingest(IngestRequest request) {
        long start = System.nanoTime();
        IngestAnswer answer = carryOut(request);
        int written = 0;
        int failed = 0;
        if (answer.body() instanceof IngestResult result) {
            written = result.accepted();
            failed = result.failed();
        }
        String zone = datasets.hasZone(request.zone()) ? request.zone() : "unknown";
        String dataset = datasets.hasDataset(request.zone(), request.dataset()) ? request.dataset() : "unknown";
        metrics.request(zone, dataset, answer.status(), answer.errorCode(), written, failed, System.nanoTime() - start);
        return answer;
    }

    private IngestAnswer carryOut(IngestRequest request) {
        String requestId = request.requestId();
        String zone = request.zone();
        String dataset = request.dataset();
        if (!datasets.hasZone(zone)) {
            return IngestAnswer.error(ErrorCode.ZONE_NOT_FOUND, "zone '" + zone + "' does not exist; zones: " + datasets.zones(), requestId);
        }
        AccessDecision decision = access.decide(zone, request.authorization());
        if (!decision.granted()) {
            LOG.info("Refused request {} to {}.{} from {}: {}", requestId, zone, dataset, request.clientAddress(), decision.reason());
            if (decision.kind() == AccessDecision.Kind.FORBIDDEN) {
                return IngestAnswer.error(ErrorCode.FORBIDDEN, decision.reason(), requestId);
            }
            return new IngestAnswer(401, ErrorBody.of(ErrorCode.UNAUTHORIZED, decision.reason(), requestId),
                    Map.of("WWW-Authenticate", "Basic realm=\"tributary-" + zone + "\", Bearer realm=\"tributary-" + zone + "\""));
        }
        if (!datasets.hasDataset(zone, dataset)) {
            return IngestAnswer.error(ErrorCode.DATASET_NOT_FOUND, "zone '" + zone + "' has no dataset '" + dataset + "'", requestId);
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > limits.maxBodyBytes()) {
            return IngestAnswer.error(ErrorCode.BODY_TOO_LARGE, "the body has " + body.length + " bytes; at most " + limits.maxBodyBytes()
                    + " are accepted (tributary.ingest.max-body-size): split it into several requests", requestId);
        }
        Optional<BodyParser> parser = parsers.forContentType(request.contentType());
        if (parser.isEmpty()) {
            return IngestAnswer.error(ErrorCode.UNSUPPORTED_CONTENT_TYPE, "Content-Type '" + request.contentType()
                    + "' is not accepted; send one of " + parsers.supported() + " (UTF-8)", requestId);
        }
        String batchProblem = batchIdProblem(request.batchId());
        if (batchProblem != null) {
            return IngestAnswer.error(ErrorCode.INVALID_BATCH_ID, batchProblem, requestId);
        }
        if (request.idempotencyKey() == null) {
            return parseAndSend(request, parser.get(), body, requestId, decision.principal());
        }
        return idempotently(request, parser.get(), body, requestId, decision.principal());
    }

    private IngestAnswer idempotently(IngestRequest request, BodyParser parser, byte[] body, String requestId, String principal) {
        String key = request.idempotencyKey();
        if (key.isBlank() || key.length() > IdempotencyKey.MAX_LENGTH) {
            return IngestAnswer.error(ErrorCode.INVALID_IDEMPOTENCY_KEY, "the Idempotency-Key must be 1 to " + IdempotencyKey.MAX_LENGTH
                    + " characters", requestId);
        }
        IdempotencyKey scoped = new IdempotencyKey(request.zone(), request.dataset(), key);
        Claim<IngestAnswer> claim = answers.claim(scoped, digest(request, body));
        if (claim instanceof Claim.Replay<IngestAnswer> replay) {
            LOG.debug("Request {} to {}.{} is a retry of Idempotency-Key {}: original answer returned, nothing sent",
                    requestId, request.zone(), request.dataset(), key);
            return replay.answer();
        }
        if (claim instanceof Claim.Mismatch<IngestAnswer>) {
            return IngestAnswer.error(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key + "' was used for another body"
                    + " (or content type or batch) on " + request.zone() + "." + request.dataset() + "; use a new key for new records",
                    requestId);
        }
        if (claim instanceof Claim.InFlight<IngestAnswer>) {
            return IngestAnswer.error(ErrorCode.IDEMPOTENCY_KEY_IN_USE, "a request with Idempotency-Key '" + key
                    + "' is still being processed; retry once it has been answered", requestId);
        }
        IngestAnswer answer;
        try {
            answer = parseAndSend(request, parser, body, requestId, principal);
        } catch (RuntimeException e) {
            answers.release(scoped);
            throw e;
        }
        // Only a request whose records were sent is answered again as it was; a refused one
        // (malformed, back-pressure) may be retried with the same key.
        if (answer.body() instanceof IngestResult) {
            answers.complete(scoped, answer);
        } else {
            answers.release(scoped);
        }
        return answer;
    }

    private IngestAnswer parseAndSend(IngestRequest given, BodyParser parser, byte[] body, String requestId, String principal) {
        // A dataset approved in batches needs a batch id on every record: a request without one is its own batch.
        IngestRequest request = given.batchId() == null && datasets.validatedInBatches(given.zone(), given.dataset())
                ? given.withBatchId(requestId) : given;
        Instant arrivedAt = Instant.now();
        ParsedBody parsed;
        try {
            parsed = parser.parse(body);
        } catch (MalformedBodyException e) {
            return new IngestAnswer(400, new ErrorBody(ErrorCode.MALFORMED_BODY.name(), e.getMessage(), positive(e.line()),
                    positive(e.column()), positive(e.byteOffset()), requestId), Map.of());
        }
        String topic = TopicName.of(request.zone(), Stage.LANDING, request.dataset()).toString();
        List<RecordOutcome> outcomes = publisher.publish(topic, LandingRecords.of(parsed, request, requestId, principal));
        boolean anyWritten = outcomes.stream().anyMatch(RecordOutcome::ok);
        boolean allRetriable = outcomes.stream().allMatch(o -> o.ok() || o.retriable());
        if (!anyWritten && allRetriable) {
            LOG.warn("Back-pressure on {}: none of the {} record(s) of request {} was taken in time ({}); answered 429",
                    topic, outcomes.size(), requestId, outcomes.get(0).message());
            return new IngestAnswer(429, ErrorBody.of(ErrorCode.BACK_PRESSURE, "the platform is busy and did not take the records in time;"
                    + " nothing was written: retry after " + limits.retryAfter().toSeconds() + " s", requestId),
                    Map.of("Retry-After", Long.toString(Math.max(1, limits.retryAfter().toSeconds()))));
        }
        if (!anyWritten) {
            Optional<IngestAnswer> refused = refusedByKafka(topic, outcomes, requestId);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        IngestResult result = result(requestId, topic, request.batchId(), parsed.records(), outcomes);
        if (request.batchId() != null && result.accepted() > 0) {
            arrivals.record(ArrivalRecords.of(request, body, result, arrivedAt, principal));
        }
        if (result.failed() > 0) {
            LOG.warn("Request {} to {}: {} record(s) written, {} failed (first: {})", requestId, topic, result.accepted(), result.failed(),
                    outcomes.stream().filter(o -> !o.ok()).findFirst().map(RecordOutcome::message).orElse(""));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Request {} to {}: {} record(s) written, from partition {} offset {}", requestId, topic, result.accepted(),
                    outcomes.get(0).partition(), outcomes.get(0).offset());
        }
        return new IngestAnswer(result.failed() == 0 ? 200 : 207, result, Map.of());
    }

    /** Nothing landed because the cluster refused the producer's identity: the operator must act, the caller cannot. */
    private static Optional<IngestAnswer> refusedByKafka(String topic, List<RecordOutcome> outcomes, String requestId) {
        RecordOutcome first = outcomes.get(0);
        ErrorCode code;
        if (KafkaLandingPublisher.NOT_AUTHORIZED.equals(first.errorCode())) {
            code = ErrorCode.LANDING_NOT_AUTHORIZED;
        } else if (KafkaLandingPublisher.AUTHENTICATION_FAILED.equals(first.errorCode())) {
            code = ErrorCode.LANDING_AUTHENTICATION_FAILED;
        } else {
            return Optional.empty();
        }
        LOG.error("Request {} to {}: nothing written, {}", requestId, topic, first.message());
        return Optional.of(IngestAnswer.error(code, first.message() + "; nothing was written. The service's Kafka identity for this"
                + " zone is misconfigured (tributary.ingest.zone.<zone>.kafka.*) or lacks its ACLs: tell the platform's operators", requestId));
    }

    private static IngestResult result(String requestId, String topic, String batchId, List<LandingRecord> records,
            List<RecordOutcome> outcomes) {
        List<IngestResult.RecordResult> results = new ArrayList<>(outcomes.size());
        int failed = 0;
        for (RecordOutcome o : outcomes) {
            Integer line = records.get(o.index()).line();
            if (o.ok()) {
                results.add(new IngestResult.RecordResult(o.index(), line, o.partition(), o.offset(), null, null, null));
            } else {
                failed++;
                results.add(new IngestResult.RecordResult(o.index(), line, null, null, o.errorCode(), o.message(), o.retriable()));
            }
        }
        return new IngestResult(requestId, topic, batchId, outcomes.size() - failed, failed, results);
    }

    static String batchIdProblem(String batchId) {
        if (batchId == null) {
            return null;
        }
        if (batchId.isBlank()) {
            return "the batch id is empty: give ?batch=<id> (or the Tributary-Batch-Id header) a value, or leave it out";
        }
        if (batchId.length() > MAX_BATCH_ID_LENGTH) {
            return "the batch id has " + batchId.length() + " characters; at most " + MAX_BATCH_ID_LENGTH;
        }
        if (batchId.chars().anyMatch(Character::isISOControl)) {
            return "the batch id holds control characters";
        }
        return null;
    }

    /** What a retry must repeat to be one: the body, its type and its batch. */
    private static String digest(IngestRequest request, byte[] body) {
        MessageDigest sha = sha256();
        sha.update(String.valueOf(request.contentType()).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(String.valueOf(request.batchId()).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(body);
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Long positive(long value) {
        return value < 0 ? null : value;
    }
}
