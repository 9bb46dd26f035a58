package io.tributary.connect.source.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.connect.source.IngressSourceConnector;
import io.tributary.connect.support.SecuredKafka;
import io.tributary.local.ConnectRest;
import io.tributary.local.LocalConnectWorker;
import io.tributary.local.LocalS3Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real parts the ingress integration tests run against, started once per test JVM: a secured
 * KRaft broker ({@link SecuredKafka}: SASL/SCRAM, ACLs) and S3Proxy (bucket {@code ingress}) in
 * this JVM and a Connect worker in this JVM with exactly-once source support on (the connector from
 * the class path). Every Kafka client logs in as the platform user.
 */
public final class IngressPlatform {
    public static final String BUCKET = "ingress";
    public static final String ACCESS = "tributary";
    public static final String SECRET = "tributary-secret";
    public static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private static IngressPlatform instance;

    public final Path dir;
    public final SecuredKafka kafka;
    public final LocalS3Server s3;
    public final LocalConnectWorker worker;
    public final ConnectRest rest;
    public final S3Client s3Client;
    private final KafkaProducer<byte[], byte[]> producer;

    private IngressPlatform(Path dir) {
        this.dir = dir;
        kafka = SecuredKafka.start(dir);
        s3 = LocalS3Server.start(dir.resolve("s3"), 0, ACCESS, SECRET);
        s3.createBucket(BUCKET);
        worker = LocalConnectWorker.start(kafka.bootstrapServers(), 0, kafka.workerOverrides(Map.of("offset.flush.interval.ms", "500",
                "exactly.once.source.support", "enabled", "group.id", "ingress-it", "config.storage.topic", "_ingress-it.configs",
                "offset.storage.topic", "_ingress-it.offsets", "status.storage.topic", "_ingress-it.status")));
        rest = worker.rest();
        s3Client = s3Client(s3.endpoint());
        producer = new KafkaProducer<>(kafka.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static synchronized IngressPlatform get() {
        if (instance == null) {
            try {
                instance = new IngressPlatform(Files.createTempDirectory("tributary-ingress-it-"));
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "ingress-platform-stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    static S3Client s3Client(String endpoint) {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .httpClient(Apache5HttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET))).build();
    }

    private void stop() {
        for (AutoCloseable c : new AutoCloseable[] {producer, s3Client, worker, s3, kafka}) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder
        }
    }

    public void createTopics(String... topics) {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + List.of(topics), e);
        }
    }

    /** Uploads a file and returns its entity tag (bare). */
    public String upload(String key, byte[] content) {
        return s3Client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content)).eTag().replace("\"", "");
    }

    public boolean exists(String key) {
        return Files.exists(s3.bucketFolder(BUCKET).resolve(key));
    }

    /** Publishes the S3 event notification S3 would send for an object created in the ingress bucket. */
    public void announce(String topic, String key, String eTag, long size) {
        String event = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":\"" + Instant.now()
                + "\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + BUCKET + "\"},\"object\":{\"key\":\""
                + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/") + "\",\"size\":" + size + ",\"eTag\":\"" + eTag
                + "\"}}}]}";
        try {
            producer.send(new ProducerRecord<>(topic, null, event.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> connectorConfig(String zones) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", IngressSourceConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("zones", zones);
        c.put("key.converter", BYTES);
        c.put("value.converter", BYTES);
        c.put("header.converter", "org.apache.kafka.connect.storage.SimpleHeaderConverter");
        c.put("exactly.once.support", "required");
        c.put("transaction.boundary", "connector");
        c.put("s3.bucket", BUCKET);
        c.put("s3.endpoint", s3.endpoint());
        c.put("aws.access.key.id", ACCESS);
        c.put("aws.secret.access.key", SECRET);
        c.put("s3.retry.max.attempts", "3");
        c.put("spool.dir", dir.resolve("spool").toString());
        c.put("xlsx.sheet", "Claims");
        return c;
    }

    public void startConnector(String name, Map<String, String> config) {
        rest.putConnectorConfig(name, config);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "RUNNING".equals(rest.taskState(name, 0)));
    }

    /** Every committed record of {@code topic} from its start, once at least {@code count} are there (fails after 60 s). */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int count) {
        return readCommitted(topic, count, Duration.ofSeconds(60));
    }

    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int count, Duration timeout) {
        Properties p = kafka.clientConfig();
        p.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            if (records.size() < count) {
                throw new AssertionError("only " + records.size() + " of " + count + " records in " + topic);
            }
            // anything more that is already there
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records;
        }
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        var h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
