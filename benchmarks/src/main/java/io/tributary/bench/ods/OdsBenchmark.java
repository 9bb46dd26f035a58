package io.tributary.bench.ods;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.bench.validator.PassThroughApp;
import io.tributary.local.LocalKafkaBroker;
import io.tributary.local.Ports;
import io.tributary.local.RegistryProcess;
import io.tributary.model.PlatformTopics;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.WireFormat;

/**
 * Canonicalisation (staging → ods: decode, rename, cast, a CEL expression, an FX lookup in a
 * global table, encode, then the upsert step keeping the latest version per key) against a no-op
 * Kafka Streams pass-through on the same staging topic, in the same run, both exactly_once_v2:
 * {@code N} staging records (distinct keys) are produced first; each application then starts from
 * the beginning and is timed from its first committed output record to its {@code N}-th. The ods
 * pipeline runs in the packaged stream-processors application, as on the platform. Then the size
 * of the upsert step's state store (RocksDB, on disk) per million keys, when the application keeps
 * its versions there ({@code tributary.ods.version-store=changelog}; the default keeps them in memory).
 *
 * From the repository root, after {@code mvn install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.ods.OdsBenchmark [records]}.
 */
public final class OdsBenchmark {
    static final int PARTITIONS = 6;
    static final String STAGING = "bench.staging.claims";
    static final String RATES = "bench.staging.fx_rates";
    static final String ODS = "bench.ods.claim";
    static final String MAPPED = ODS + ".mapped";
    static final String PASS_THROUGH_OUT = "bench.passthrough.out";
    /** The bench zone's platform topics (batches, holds, holds audit): the ods applications wait for its holds. */
    static final List<PlatformTopics.PlatformTopic> PLATFORM = PlatformTopics.of("bench");

    private OdsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        Path work = Files.createTempDirectory("tributary-ods-bench");
        Path app = Path.of(System.getProperty("validator.jar", "stream-processors/target/quarkus-app/quarkus-run.jar"));
        if (System.getProperty(RegistryProcess.JAR_PROPERTY) == null) {
            System.setProperty(RegistryProcess.JAR_PROPERTY, "schema-registry/server/target/quarkus-app/quarkus-run.jar");
        }
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException("no packaged stream processors at " + app + "; run mvn install -DskipTests first");
        }
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"), 0);
             RegistryProcess registry = RegistryProcess.start(RegistryProcess.requirePackagedJar(), broker.bootstrapServers(), work)) {
            String bootstrap = broker.bootstrapServers();
            Path descriptor = OdsBenchZone.write(work.resolve("zones"));
            createTopics(bootstrap);
            HttpSchemaRegistry schemas = new HttpSchemaRegistry(registry.url());
            System.out.printf(Locale.ROOT, "Producing %,d staging records to %s (%d partitions)...%n", records, STAGING, PARTITIONS);
            produce(bootstrap, schemas, records);

            double passThrough = throughput("pass-through", bootstrap, PASS_THROUGH_OUT, records, List.of(java(), "-Xmx384m", "-cp",
                    System.getProperty("java.class.path"), PassThroughApp.class.getName(), bootstrap, STAGING, PASS_THROUGH_OUT,
                    "bench-ods-passthrough", work.resolve("passthrough-state").toString()), work.resolve("passthrough.log"));
            Path state = work.resolve("ods-state");
            double ods = throughput("canonicalisation (map + upsert)", bootstrap, ODS, records, odsCommand(bootstrap, registry.url(),
                    descriptor, state), work.resolve("ods.log"));
            long storeBytes = size(state, "claim-latest-versions");
            report(records, passThrough, ods, storeBytes);
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of("bench.landing.claims", STAGING, "bench.rejected.claims", MAPPED, PASS_THROUGH_OUT)) {
                topics.add(new NewTopic(t, PARTITIONS, (short) 1));
            }
            topics.add(new NewTopic(ODS, PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            for (String t : List.of("bench.landing.fx_rates", "bench.rejected.fx_rates")) {
                topics.add(new NewTopic(t, 1, (short) 1));
            }
            topics.add(new NewTopic(RATES, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            // The zone's platform topics (steward holds among them): the platform creates them (zones apply), the ods
            // applications only wait for them.
            for (PlatformTopics.PlatformTopic t : PLATFORM) {
                topics.add(new NewTopic(t.name(), 1, (short) 1).configs(t.configs()));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, HttpSchemaRegistry registry, int count) {
        Schema claim = OdsBenchZone.claimSchema();
        Schema rate = OdsBenchZone.rateSchema();
        int claimId = registry.register(STAGING + "-value", claim);
        int rateId = registry.register(RATES + "-value", rate);
        Random random = new Random(42);
        long now = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 5,
                "batch.size", 65_536, "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String currency : OdsBenchZone.CURRENCIES) {
                GenericData.Record r = new GenericData.Record(rate);
                r.put("currency", currency);
                r.put("rate_to_eur", currency.equals("EUR") ? 1.0 : 0.9);
                producer.send(new ProducerRecord<>(RATES, currency.getBytes(StandardCharsets.UTF_8), WireFormat.encode(rateId, rate, r)));
            }
            for (int i = 0; i < count; i++) {
                GenericData.Record r = OdsBenchZone.claim(claim, i, random, now);
                producer.send(new ProducerRecord<>(STAGING, r.get("claim_id").toString().getBytes(StandardCharsets.UTF_8),
                        WireFormat.encode(claimId, claim, r)));
            }
            producer.flush();
        }
    }

    private static double throughput(String name, String bootstrap, String output, int records, List<String> command, Path log)
            throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long first = 0;
            while (true) {
                long committed = committed(admin, output);
                long now = System.nanoTime();
                if (first == 0 && committed > 0) {
                    first = now;
                }
                if (committed >= records) {
                    double perSecond = records / ((now - first) / 1e9);
                    System.out.printf(Locale.ROOT, "%s: %,d records in %.1f s: %,.0f records/s%n", name, records, (now - first) / 1e9,
                            perSecond);
                    return perSecond;
                }
                if (now > deadline || !process.isAlive()) {
                    throw new IllegalStateException(name + " wrote only " + committed + " of " + records + " records; see " + log);
                }
                Thread.sleep(50);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Records readers can see (read_committed end offsets; transaction markers count, negligibly at this N). */
    private static long committed(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .values().stream().mapToLong(r -> r.offset()).sum();
    }

    private static List<String> odsCommand(String bootstrap, String registryUrl, Path descriptor, Path state) {
        return List.of(java(), "-Xmx384m",
                "-Dtributary.zone.descriptor=" + descriptor,
                "-Dtributary.schema-registry.url=" + registryUrl,
                "-Dquarkus.kafka-streams.bootstrap-servers=" + bootstrap,
                "-Dkafka-streams.state.dir=" + state,
                "-Dquarkus.http.port=" + Ports.freePort(),
                "-Dquarkus.log.category.\"io.tributary\".level=WARN",
                // Each task's rebuild of its versions from the ods topic: how long it took, in ods.log.
                "-Dquarkus.log.category.\"io.tributary.processors.ods.OdsTopicVersionIndex\".level=INFO",
                "-jar", System.getProperty("validator.jar", "stream-processors/target/quarkus-app/quarkus-run.jar"));
    }

    /** Bytes of the files of every store directory named {@code store} under {@code state}. */
    private static long size(Path state, String store) throws IOException {
        if (!Files.isDirectory(state)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().contains("/" + store + "/")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void report(int records, double passThrough, double ods, long storeBytes) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d staging records, distinct keys, %d partitions, exactly_once_v2, commit every 100 ms%n",
                records, PARTITIONS);
        System.out.println("| | records/s | of the pass-through |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| no-op pass-through (staging → out) | %,.0f | 100%% |%n", passThrough);
        System.out.printf(Locale.ROOT, "| canonicalisation (staging → ods) | %,.0f | %.0f%% |%n", ods, 100 * ods / passThrough);
        if (storeBytes > 0) {
            System.out.printf(Locale.ROOT, "| upsert version store (RocksDB files, changelog) | %,.1f MB per million keys | |%n",
                    storeBytes / 1e6 * 1_000_000 / records);
        } else {
            // The default version store: no files and no changelog; its heap per key is measured by LatestVersionsTest.
            System.out.println("| upsert version store | in memory, rebuilt from the ods topic (no files, no changelog) | |");
        }
        System.out.println(ods / passThrough >= 0.5 ? "Canonicalisation throughput within its target (50%)."
                : "Canonicalisation throughput BELOW its target (50%).");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
