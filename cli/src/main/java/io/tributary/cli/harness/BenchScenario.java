package io.tributary.cli.harness;

import java.util.List;

/**
 * One of the existing benchmarks (module benchmarks), run as its own process the way
 * docs/performance.md describes; each already measures itself against its baseline in the same run.
 */
public record BenchScenario(String name, String baseline, String heap, String mainClass, List<String> args) {

    public BenchScenario {
        args = List.copyOf(args);
    }

    /** Every scenario `tributary bench` runs, in order; {@code quick} shortens each where the benchmark allows. */
    public static List<BenchScenario> all(boolean quick) {
        return List.of(
                new BenchScenario("registry-serializer", "plain Avro serialisation", "1g", "io.tributary.benchmarks.RegistryBenchmarks",
                        List.of("serializer")),
                new BenchScenario("registry-lookup", "target latency at 1,000 look-ups/s", "1g", "io.tributary.benchmarks.RegistryBenchmarks",
                        List.of("lookup")),
                new BenchScenario("validator", "no-op Kafka Streams pass-through", "1g", "io.tributary.bench.validator.ValidatorBenchmark",
                        quick ? List.of("100000", "2000", "10") : List.of()),
                new BenchScenario("sink", "plain parquet-avro writer", "2g", "io.tributary.bench.sink.SinkBenchmark", List.of("throughput")),
                new BenchScenario("ods", "no-op pass-through", "1g", "io.tributary.bench.ods.OdsBenchmark", List.of()),
                new BenchScenario("ingest", "plain Kafka producer", "1g", "io.tributary.bench.ingest.IngestBenchmark",
                        quick ? List.of("100000") : List.of()),
                new BenchScenario("ingress", "plain file reading", "96m", "io.tributary.bench.ingress.IngressBenchmark", List.of()),
                new BenchScenario("latency", "landing-to-staging vs landing-to-queryable at fixed rates", "1g",
                        "io.tributary.bench.pipeline.LatencyBenchmark", quick ? List.of("500,2000", "10") : List.of()),
                new BenchScenario("scale", "1 dataset / 1 open partition", "1g", "io.tributary.bench.scale.ScaleBenchmark",
                        quick ? List.of("30000") : List.of()),
                new BenchScenario("e2e", "Kafka's producer performance tool on the same broker", "1g",
                        "io.tributary.bench.pipeline.EndToEndBenchmark", quick ? List.of("50000") : List.of()));
    }
}
