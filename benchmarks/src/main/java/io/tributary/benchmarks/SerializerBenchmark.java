package io.tributary.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.tributary.registry.client.serde.AvroSerializer;

/**
 * Our serializer against plain Avro binary encoding of the same ten-field records, in the same
 * run: the serializer adds the wire-format header and a cached id look-up to the same encoding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class SerializerBenchmark {
    private static final String TOPIC = "finance.staging.expenses";

    private List<GenericRecord> records;
    private DatumWriter<GenericRecord> plainWriter;
    private BinaryEncoder encoder;
    private AvroSerializer serializer;
    private int next;

    @Setup
    public void setUp() {
        records = Expenses.make(1024);
        plainWriter = new GenericDatumWriter<>(Expenses.SCHEMA);
        serializer = new AvroSerializer(new MemoryRegistry());
        serializer.configure(Map.of("schema.registry.url", "http://benchmark"), false);
        serializer.serialize(TOPIC, records.get(0));
    }

    /** What a producer without a registry would do: Avro's binary encoding into a fresh byte array. */
    @Benchmark
    public byte[] plainAvro() throws IOException {
        GenericRecord record = records.get(next++ & 1023);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        plainWriter.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Benchmark
    public byte[] tributarySerializer() {
        return serializer.serialize(TOPIC, records.get(next++ & 1023));
    }
}
