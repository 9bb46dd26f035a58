package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.cli.platform.PlatformTopicsSetup;
import io.tributary.local.LocalS3Server;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;

/** `tributary ingest file` against a real S3 server, `tributary batches` against a real broker. */
class IngestAndBatchesCommandTest extends CliCommandTest {
    @TempDir
    static Path dir;
    private static SecuredTestBroker broker;
    private static LocalS3Server s3;

    @BeforeAll
    static void start() throws IOException {
        broker = SecuredTestBroker.start(dir);
        // The local platform's key pair, as `tributary up` starts the S3 server.
        s3 = LocalS3Server.start(dir.resolve("s3"), 0, "tributary", "tributary-local-secret");
        s3.createBucket("ingress");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void ingestFileUploadsUnderTheDatasetFolderOfTheIngressBucket() throws Exception {
        Path file = Files.writeString(dir.resolve("claims.csv"), "id,amount\n1,12.50\n");
        int rc = run("ingest", "file", file.toString(), "finance.expenses", "--s3-port", String.valueOf(s3.port()));
        assertThat(rc).as(err.toString()).isZero();
        Path stored = s3.bucketFolder("ingress").resolve("finance/expenses/claims.csv");
        assertThat(stored).exists();
        assertThat(Files.readString(stored)).isEqualTo("id,amount\n1,12.50\n");
        assertThat(out.toString()).contains("s3://ingress/finance/expenses/claims.csv").contains("tributary batches finance.expenses");
    }

    @Test
    void ingestFileNamesWhatIsWrong() {
        assertThat(run("ingest", "file", dir.resolve("missing.csv").toString(), "finance.expenses", "--s3-port",
                String.valueOf(s3.port()))).isNotZero();
        assertThat(err.toString()).contains("missing.csv: no such file");
        assertThat(run("ingest", "file", "x.csv", "Finance")).isNotZero();
        assertThat(err.toString()).contains("is not <zone>.<dataset>");
    }

    @Test
    void batchesListsArrivalsWithTheirOutcomeFromTheDatasetsZoneTopic() throws Exception {
        // As `zones apply` creates them for the example zones (finance, hr).
        assertThat(PlatformTopicsSetup.ensurePlatformTopics(ClientSettings.load(Path.of(broker.clientConfig())),
                DescriptorLoader.loadDirectory(Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones"))))
                .contains("_tributary.finance.batches", "_tributary.hr.batches");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(broker.client(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            send(producer, "_tributary.finance.batches", "arrival:finance.expenses/may.xlsx@e1", "{\"source\":\"s3://ingress/finance/expenses/may.xlsx\",\"size\":2048,"
                    + "\"records\":12,\"arrivedAt\":\"2024-05-01T10:00:00Z\",\"status\":\"INGESTED\"}");
            send(producer, "_tributary.finance.batches", "arrival:finance.expenses/june.csv@e2", "{\"source\":\"s3://ingress/finance/expenses/june.csv\",\"size\":80,"
                    + "\"records\":3,\"arrivedAt\":\"2024-06-01T10:00:00Z\",\"status\":\"INGESTED\"}");
            send(producer, "_tributary.finance.batches", "finance.expenses/may.xlsx@e1", "{\"batchId\":\"may.xlsx@e1\",\"outcome\":\"REJECTED\",\"reason\":\"RECORDS_REJECTED\","
                    + "\"message\":\"1 of 12 records failed\",\"records\":12,\"accepted\":0,\"rejected\":12}");
            // A finance key in hr's topic is not finance's: only the dataset's own zone's topic counts.
            send(producer, "_tributary.hr.batches", "arrival:finance.expenses/forged.csv@e9", "{\"source\":\"s3://ingress/finance/expenses/forged.csv\","
                    + "\"size\":1,\"records\":1,\"arrivedAt\":\"2024-07-01T10:00:00Z\",\"status\":\"INGESTED\"}");
        }
        int rc = run("batches", "finance.expenses", "--client-config", broker.clientConfig());
        assertThat(rc).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("2 batch(es) of finance.expenses").doesNotContain("forged.csv");
        assertThat(text.lines().filter(l -> l.contains("may.xlsx@e1")).findFirst().orElseThrow())
                .startsWith("REJECTED").contains("RECORDS_REJECTED: 1 of 12 records failed").contains("2048");
        assertThat(text.lines().filter(l -> l.contains("june.csv@e2")).findFirst().orElseThrow()).startsWith("ARRIVED");

        out.getBuffer().setLength(0);
        assertThat(run("batches", "hr.departments", "--client-config", broker.clientConfig())).isZero();
        assertThat(out.toString()).contains("No batches of hr.departments yet.");
    }

    @Test
    void batchesOfAZoneTheClusterLacksNamesItsTopic() {
        assertThat(run("batches", "audit.claims", "--client-config", broker.clientConfig())).isEqualTo(1);
        assertThat(err.toString()).contains("topic _tributary.audit.batches does not exist").contains("tributary zones apply");
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)))
                .get();
    }
}
