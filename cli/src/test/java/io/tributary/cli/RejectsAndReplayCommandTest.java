package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.tributary.model.RejectHeaderNames;

/** `tributary rejects` against a real broker, `tributary replay` against a validator's HTTP endpoint. */
class RejectsAndReplayCommandTest extends CliCommandTest {
    @TempDir
    static Path dir;
    private static SecuredTestBroker broker;

    @BeforeAll
    static void start() throws IOException {
        broker = SecuredTestBroker.start(dir);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void rejectsAreGroupedByReasonWithRulesFieldsAndLatestExamples() throws Exception {
        String topic = "finance.rejected.expenses";
        try (Admin admin = Admin.create(broker.client())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(broker.client(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 6; i++) {
                producer.send(reject(topic, i % 2, "BAD_VALUE", "", i < 4 ? "amount" : "category", "bad " + i, i)).get();
            }
            producer.send(reject(topic, 0, "RULE_FAILED", "amount_positive", "amount", "an expense has a positive amount", 10)).get();
            producer.send(reject(topic, 1, "NOT_JSON", "", "", "not valid JSON at character offset 3", 11)).get();
        }

        int exit = run("rejects", "finance.expenses", "--client-config", broker.clientConfig(), "--examples", "2");

        assertThat(exit).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).startsWith("8 rejected records of finance.expenses");
        assertThat(text).containsPattern("BAD_VALUE\\s+6\\s+amount \\(4\\), category \\(2\\)");
        assertThat(text).containsPattern("RULE_FAILED\\s+1\\s+rule amount_positive \\(1\\); amount \\(1\\)");
        assertThat(text).containsPattern("NOT_JSON\\s+1\\s+\\(whole record\\)");
        assertThat(text.indexOf("BAD_VALUE")).isLessThan(text.indexOf("NOT_JSON"));
        assertThat(text).contains("finance.landing.expenses-0@10 amount: an expense has a positive amount");
        assertThat(text.split("BAD_VALUE, latest:")[1].split("\n\n")[0].lines().filter(l -> l.startsWith("  "))).hasSize(2);
    }

    @Test
    void anEmptyOrMissingRejectedTopicAndABadDatasetNameAreSaidPlainly() throws Exception {
        try (Admin admin = Admin.create(broker.client())) {
            admin.createTopics(List.of(new NewTopic("hr.rejected.people", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        assertThat(run("rejects", "hr.people", "--client-config", broker.clientConfig())).isZero();
        assertThat(out.toString()).contains("No rejected records in hr.rejected.people.");
        assertThat(run("rejects", "Finance-expenses", "--client-config", broker.clientConfig())).isEqualTo(1);
        assertThat(err.toString()).contains("'Finance-expenses' is not <zone>.<dataset>");
        assertThat(run("rejects", "nope.nothing", "--client-config", broker.clientConfig())).isEqualTo(1);
        assertThat(err.toString()).contains("topic nope.rejected.nothing does not exist");
    }

    /** The broker is really secured: the same command with a wrong password in its client config is refused, saying why. */
    @Test
    void aWrongPasswordIsRefusedByTheBroker() throws IOException {
        int exit = run("rejects", "finance.expenses", "--client-config", broker.clientConfigWithWrongPassword());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("error: ")
                .contains("the Kafka cluster refused the login: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512", "--client-config")
                .doesNotContain("SaslAuthenticationException", "\tat ")
                .doesNotContain("password=");
    }

    @Test
    void replayAsksTheValidatorAndPrintsItsReport() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer validator = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        validator.createContext("/replays", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + body);
            boolean unknown = body.contains("\"dataset\":\"nope\"");
            byte[] answer = (unknown ? "{\"error\":\"zone finance has no dataset 'nope'\"}" : """
                    {"replayId":"r-1","zone":"finance","dataset":"expenses","from":"offset 120",
                     "partitions":[{"partition":0,"from":120,"to":130},{"partition":1,"from":120,"to":120}],
                     "scanned":10,"alreadyStaged":7,"accepted":2,"rejected":1,"batchesPromoted":0,"batchesRejected":0,"batchesSkipped":0}
                    """).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(unknown ? 400 : 200, answer.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(answer);
            }
        });
        validator.start();
        try {
            String url = "http://localhost:" + validator.getAddress().getPort();
            assertThat(run("replay", "finance.expenses", "--from", "120", "--validator-url", url)).as(err.toString()).isZero();
            assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("POST ")
                    .contains("\"dataset\":\"expenses\"").contains("\"from\":\"120\""));
            assertThat(out.toString()).contains("Replay r-1 of finance.expenses from offset 120:")
                    .contains("partition 0: offsets 120 to 129").contains("partition 1: offsets 120 to 119 (nothing to replay)")
                    .contains("10 landing records read, 7 already in staging (skipped)").contains("2 to staging, 1 to rejected");

            assertThat(run("replay", "finance.nope", "--from", "2024-05-01T10:00:00Z", "--validator-url", url)).isEqualTo(1);
            assertThat(err.toString()).contains("refused the replay of finance.nope (HTTP 400): zone finance has no dataset 'nope'");
            assertThat(run("replay", "finance.expenses", "--from", "yesterday", "--validator-url", url)).isEqualTo(1);
            assertThat(err.toString()).contains("--from 'yesterday' is neither an offset");
            assertThat(requests).hasSize(2);
        } finally {
            validator.stop(0);
        }
    }

    private static ProducerRecord<byte[], byte[]> reject(String topic, int partition, String reason, String rule, String field,
            String message, long sourceOffset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RejectHeaderNames.REASON, bytes(reason));
        headers.add(RejectHeaderNames.RULE, bytes(rule));
        headers.add(RejectHeaderNames.FIELD, bytes(field));
        headers.add(RejectHeaderNames.MESSAGE, bytes(message));
        headers.add(RejectHeaderNames.SOURCE_TOPIC, bytes("finance.landing.expenses"));
        headers.add(RejectHeaderNames.SOURCE_PARTITION, bytes(Integer.toString(partition)));
        headers.add(RejectHeaderNames.SOURCE_OFFSET, bytes(Long.toString(sourceOffset)));
        return new ProducerRecord<>(topic, partition, null, bytes("k"), bytes("{}"), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
