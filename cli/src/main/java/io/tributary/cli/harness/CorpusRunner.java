package io.tributary.cli.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.cli.harness.CorpusCase.FileInput;
import io.tributary.cli.harness.CorpusCase.HttpInput;
import io.tributary.cli.harness.CorpusCase.LandingInput;
import io.tributary.cli.ingress.IngressUpload;
import io.tributary.cli.platform.ComponentStatus;
import io.tributary.cli.platform.IngressConnectorConfigs;
import io.tributary.cli.platform.LocalPlatform;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.model.ClientSettings;
import io.tributary.model.PlatformTopics;
import io.tributary.model.RejectHeaderNames;
import io.tributary.registry.client.HttpSchemaRegistry;

/**
 * Runs the bad-input corpus through a running local platform with the qa zone ({@link QaZone}):
 * landing records straight to Kafka, requests to the ingest service, files to the ingress
 * bucket; then follows every landed record (by its landing position, or its file's batch id) to
 * staging or rejected, and reads the batch reports, until every case is decided or time is up.
 */
public final class CorpusRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCHES = PlatformTopics.batches(QaZone.ZONE);

    private final PlatformConfig config;
    private final ClientSettings kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public CorpusRunner(PlatformConfig config) {
        this.config = config;
        this.kafka = ClientSettings.load(config.layout().clientProperties());
    }

    /** What each case left behind right after it was sent. */
    private record Sent(CorpusCase corpusCase, List<String> positions, int httpStatus, String fileName) {
    }

    public CorpusOutcome run(Duration timeout) {
        Instant start = Instant.now();
        int schemaId = new HttpSchemaRegistry(config.registryUrl(), kafka.registryUserInfo().orElse(null), Duration.ofSeconds(10))
                .register(QaZone.ZONE + ".landing." + QaZone.AVRO + "-value", QaZone.AVRO_WRITER_SCHEMA);
        List<CorpusCase> cases = new BadInputCorpus(schemaId, workbook()).cases();
        LOG.info("Bad-input corpus: {} cases into zone {}", cases.size(), QaZone.ZONE);
        List<Sent> sent = send(cases);

        Instant deadline = Instant.now().plus(timeout);
        List<CaseResult> results = collect(sent);
        while (!allDecided(results) && Instant.now().isBefore(deadline)) {
            sleep(2000);
            results = collect(sent);
        }
        List<String> notUp = new LocalPlatform(config).status().stream().filter(s -> s.state() != ComponentStatus.State.UP)
                .map(s -> s.name() + " (" + s.state() + ")").toList();
        CorpusOutcome outcome = new CorpusOutcome(results, new CorpusAccounting().check(results, notUp), Duration.between(start, Instant.now()));
        LOG.info("Bad-input corpus {}", outcome.summary());
        return outcome;
    }

    private byte[] workbook() {
        Path file = config.installation().home().resolve("examples/zones/finance/expense-reports.xlsx");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("The corpus's spreadsheets start from " + file + ", which is unreadable: " + e.getMessage(), e);
        }
    }

    private List<Sent> send(List<CorpusCase> cases) {
        Map<String, Object> producerConfig = kafka.asConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-corpus");
        List<Sent> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
             IngressUpload ingress = new IngressUpload(config.s3Endpoint(), config.s3AccessKey(), config.s3SecretKey(),
                     IngressConnectorConfigs.BUCKET)) {
            for (CorpusCase c : cases) {
                if (c.input() instanceof LandingInput in) {
                    sent.add(new Sent(c, List.of(produce(producer, c, in)), -1, null));
                } else if (c.input() instanceof HttpInput in) {
                    sent.add(post(c, in));
                } else {
                    sent.add(upload(ingress, c, (FileInput) c.input()));
                }
            }
        }
        return sent;
    }

    private String produce(KafkaProducer<byte[], byte[]> producer, CorpusCase c, LandingInput in) {
        String topic = QaZone.ZONE + ".landing." + c.dataset();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, in.keyed() ? c.name().getBytes(StandardCharsets.UTF_8) : null, in.value());
        in.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            RecordMetadata meta = producer.send(record).get();
            return position(topic, meta.partition(), meta.offset());
        } catch (ExecutionException e) {
            throw new IllegalStateException("corpus case " + c.name() + ": producing to " + topic + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending corpus case " + c.name(), e);
        }
    }

    private Sent post(CorpusCase c, HttpInput in) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(config.ingestUrl() + "/zones/" + in.zone() + "/datasets/" + in.dataset() + "/records"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(in.body()));
        if (in.contentType() != null) {
            request.header("Content-Type", in.contentType());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> positions = new ArrayList<>();
            if (response.statusCode() / 100 == 2) {
                JsonNode body = JSON.readTree(response.body());
                for (JsonNode r : body.path("records")) {
                    if (r.has("offset")) {
                        positions.add(position(body.path("topic").asText(), r.path("partition").asInt(), r.path("offset").asLong()));
                    }
                }
            }
            LOG.info("Corpus case {}: HTTP {} from the ingest service", c.name(), response.statusCode());
            return new Sent(c, positions, response.statusCode(), null);
        } catch (IOException e) {
            // A server may refuse an oversized body before reading it and close the connection.
            LOG.info("Corpus case {}: the ingest service closed the connection ({})", c.name(), e.toString());
            return new Sent(c, List.of(), 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending corpus case " + c.name(), e);
        }
    }

    private Sent upload(IngressUpload ingress, CorpusCase c, FileInput in) {
        try {
            Path tmp = Files.createTempFile("tributary-corpus-", "-" + in.fileName());
            try {
                Files.write(tmp, in.content());
                ingress.upload(tmp, QaZone.ZONE + "/" + c.dataset() + "/" + in.fileName());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("corpus case " + c.name() + ": cannot write a temporary file: " + e.getMessage(), e);
        }
        return new Sent(c, List.of(), -1, in.fileName());
    }

    /** Where every landed record went, from the staging and rejected topics and the batch reports. */
    private List<CaseResult> collect(List<Sent> sent) {
        TopicSnapshot snapshot = new TopicSnapshot(kafka);
        Map<String, List<String[]>> byPosition = new HashMap<>();
        Map<String, List<String[]>> byBatch = new HashMap<>();
        for (String dataset : List.of(QaZone.JSON, QaZone.CSV, QaZone.AVRO, QaZone.SHEETS)) {
            for (String stage : List.of("staging", "rejected")) {
                for (ConsumerRecord<byte[], byte[]> r : snapshot.read(QaZone.ZONE + "." + stage + "." + dataset)) {
                    String[] outcome = {stage, TopicSnapshot.header(r, RejectHeaderNames.REASON), TopicSnapshot.header(r, RejectHeaderNames.FIELD)};
                    byPosition.computeIfAbsent(position(TopicSnapshot.header(r, RejectHeaderNames.SOURCE_TOPIC),
                            parse(TopicSnapshot.header(r, RejectHeaderNames.SOURCE_PARTITION)),
                            parseLong(TopicSnapshot.header(r, RejectHeaderNames.SOURCE_OFFSET))), k -> new ArrayList<>()).add(outcome);
                    String batch = TopicSnapshot.header(r, RejectHeaderNames.BATCH_ID);
                    if (batch != null) {
                        byBatch.computeIfAbsent(batch, k -> new ArrayList<>()).add(outcome);
                    }
                }
            }
        }
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        Map<String, Integer> arrivals = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : snapshot.read(BATCHES)) {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            JsonNode value = readJson(r.value());
            if (value == null) {
                continue;
            }
            String batchId = value.path("batchId").asText();
            if (key.startsWith("arrival:" + QaZone.ZONE + "." + QaZone.SHEETS + "/")) {
                arrivals.put(batchId, value.path("records").asInt());
            } else if (key.startsWith(QaZone.ZONE + "." + QaZone.SHEETS + "/")) {
                reports.put(batchId, value);
            }
        }
        List<CaseResult> results = new ArrayList<>();
        for (Sent s : sent) {
            if (s.fileName() != null) {
                results.add(fileResult(s, byBatch, reports, arrivals));
                continue;
            }
            List<String[]> outcomes = new ArrayList<>();
            s.positions().forEach(p -> outcomes.addAll(byPosition.getOrDefault(p, List.of())));
            results.add(result(s, s.positions().size(), outcomes, null));
        }
        return results;
    }

    private CaseResult fileResult(Sent s, Map<String, List<String[]>> byBatch, Map<String, JsonNode> reports, Map<String, Integer> arrivals) {
        String prefix = s.fileName() + "@";
        int landed = arrivals.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue).sum();
        List<String[]> outcomes = new ArrayList<>();
        byBatch.forEach((batch, list) -> {
            if (batch.startsWith(prefix)) {
                outcomes.addAll(list);
            }
        });
        String reportReason = reports.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .map(v -> v.path("outcome").asText().equals("PROMOTED") ? "PROMOTED" : v.path("reason").asText()).findFirst().orElse(null);
        return result(s, landed, outcomes, reportReason);
    }

    private static CaseResult result(Sent s, int landed, List<String[]> outcomes, String reportReason) {
        int accepted = (int) outcomes.stream().filter(o -> o[0].equals("staging")).count();
        List<String[]> rejects = outcomes.stream().filter(o -> o[0].equals("rejected")).toList();
        return new CaseResult(s.corpusCase(), landed, accepted, rejects.size(), rejects.stream().map(o -> o[1]).toList(),
                rejects.stream().map(o -> o[2] == null ? "" : o[2]).toList(), s.httpStatus(), reportReason);
    }

    /** Decided: every landed record found somewhere, and every file reported (or, when accepted, promoted). */
    private static boolean allDecided(List<CaseResult> results) {
        return results.stream().allMatch(r -> r.accepted() + r.rejected() >= r.landed()
                && (!(r.corpusCase().input() instanceof FileInput) || r.reportReason() != null));
    }

    private static JsonNode readJson(byte[] value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private static String position(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    private static int parse(String number) {
        try {
            return number == null ? -1 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String number) {
        try {
            return number == null ? -1 : Long.parseLong(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
