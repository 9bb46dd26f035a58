package io.tributary.bench.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.tributary.bench.pipeline.ValidatorProcess;
import io.tributary.bench.report.LoadAverage;
import io.tributary.bench.validator.BenchZone;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/**
 * The zone validator's throughput with Kafka security on against the same run with it off: in one
 * run, the same claims go through the validator twice, each time on a fresh broker in its own JVM,
 * first open (PLAINTEXT), then secured (SASL/SCRAM-SHA-512, StandardAuthorizer, deny without an
 * ACL) with the zone's credentials and ACLs applied as the platform, the claims produced as
 * {@code User:bench-producer} and validated as {@code User:bench-validator}. Each validator run is
 * timed from its first committed staging record to its last (start-up and log-in excluded).
 *
 * From the repository root, after {@code mvn install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.tributary.bench.security.SecurityOverheadBenchmark [records=100000]}.
 * The packaged validator and registry are found as for the validator benchmark
 * ({@code -Dvalidator.jar=…}, {@code -Dtributary.registry.jar=…}) and copied for the length of the run.
 */
public final class SecurityOverheadBenchmark {
    static final int DEFAULT_RECORDS = 100_000;
    private static final int VALIDATOR_THREADS = 1;
    /** The application id the zone's ACLs expect ({@code tributary-<zone>-validator}), in both runs alike. */
    private static final String APPLICATION_ID = "tributary-" + BenchZone.ZONE + "-validator";

    private SecurityOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = records(args);
        Path work = Files.createTempDirectory("tributary-security-bench");
        Path descriptor = BenchZone.write(work.resolve("zones"));
        List<ZoneDescriptor> zones = List.of(DescriptorLoader.load(descriptor));
        LandingClaims claims = LandingClaims.generate(records);
        System.out.printf(Locale.ROOT, "Security overhead: %,d claims (%.1f MB of JSON), %s at start; work folder %s%n", records,
                claims.valueBytes() / 1e6, LoadAverage.now(), work);

        RunResult open;
        RunResult secured;
        try (PackagedApps apps = PackagedApps.copyInto(work.resolve("apps"))) {
            open = run(SecurityMode.OPEN, work, descriptor, zones, claims);
            secured = run(SecurityMode.SECURED, work, descriptor, zones, claims);
        }

        System.out.println();
        System.out.print(OverheadReport.render(open, secured, VALIDATOR_THREADS));
        System.out.println(LoadAverage.now() + " at the end");
    }

    /** The size argument: a positive number of records (underscores and commas allowed), or the default. */
    static int records(String[] args) {
        if (args.length == 0) {
            return DEFAULT_RECORDS;
        }
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: SecurityOverheadBenchmark [records=" + DEFAULT_RECORDS + "]; got " + args.length
                    + " arguments");
        }
        String text = args[0].startsWith("records=") ? args[0].substring("records=".length()) : args[0];
        int records;
        try {
            records = Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("records (first argument) must be a whole number, not '" + args[0] + "'");
        }
        if (records < 1) {
            throw new IllegalArgumentException("records (first argument) must be at least 1, not " + records);
        }
        return records;
    }

    private static RunResult run(SecurityMode mode, Path work, Path descriptor, List<ZoneDescriptor> zones, LandingClaims claims)
            throws Exception {
        Path dir = work.resolve(mode.id());
        long t0 = System.nanoTime();
        try (BenchCluster cluster = BenchCluster.start(mode, dir, zones)) {
            System.out.printf(Locale.ROOT, "%s: broker (%s), registry and topics up in %.1f s%s%n", mode.id(), mode.description(),
                    (System.nanoTime() - t0) / 1e9,
                    cluster.acls() > 0 ? "; " + cluster.acls() + " ACLs of zone " + BenchZone.ZONE + " applied, its SCRAM credentials set" : "");
            Duration producing = produce(cluster, claims);
            System.out.printf(Locale.ROOT, "%s: %,d claims produced to %s in %.1f s%s%n", mode.id(), claims.count(), BenchZone.LANDING,
                    producing.toNanos() / 1e9, mode == SecurityMode.SECURED ? " as User:bench-producer" : "");

            String loadBefore = LoadAverage.now();
            Path log = dir.resolve("validator.log");
            Duration validating;
            try (ValidatorProcess validator = ValidatorProcess.start(cluster.bootstrap(), cluster.registryUrl(), descriptor,
                    dir.resolve("validator-state"), APPLICATION_ID, VALIDATOR_THREADS, log, cluster.validatorProperties())) {
                validating = new CommittedThroughput(cluster.platformClient(), BenchZone.STAGING, BenchCluster.PARTITIONS)
                        .measure(validator, claims.count(), log);
            }
            RunResult result = new RunResult(mode, claims.count(), claims.valueBytes(), producing, validating, cluster.acls(), loadBefore,
                    LoadAverage.now());
            System.out.printf(Locale.ROOT, "%s: validator%s, %,d records in %.1f s: %,.0f records/s, %.2f MB/s (%s, then %s)%n", mode.id(),
                    mode == SecurityMode.SECURED ? " as User:bench-validator" : "", claims.count(), validating.toNanos() / 1e9,
                    result.recordsPerSecond(), result.megabytesPerSecond(), loadBefore, result.loadAfter());
            return result;
        }
    }

    /** The validator benchmark's producer settings, as the zone's producer when secured; @return first send to last acknowledgement. */
    private static Duration produce(BenchCluster cluster, LandingClaims claims) {
        var settings = cluster.producerClient();
        settings.put("linger.ms", 5);
        settings.put("batch.size", 65_536);
        settings.put("compression.type", "lz4");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < claims.count() && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(BenchZone.LANDING, claims.key(i), claims.value(i)), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("producing the claims to " + BenchZone.LANDING + " failed: " + failure.get(), failure.get());
            }
            return Duration.ofNanos(System.nanoTime() - t0);
        }
    }
}
