package io.tributary.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

import io.tributary.registry.client.serde.AvroSerializer;

/**
 * The serializer-to-plain-Avro ratio measured so that a busy machine cannot skew it: short
 * blocks of each alternate many times, and the ratio is taken between the medians of their
 * block times. JMH's figures (one benchmark after the other) drift with the machine's load;
 * this one does not, because both sides see the same load.
 */
final class InterleavedSerializerComparison {
    private static final int BLOCK = 20_000;
    private static final String TOPIC = "finance.staging.expenses";

    private final List<GenericRecord> records = Expenses.make(1024);
    private final DatumWriter<GenericRecord> plainWriter = new GenericDatumWriter<>(Expenses.SCHEMA);
    private final AvroSerializer serializer = new AvroSerializer(new MemoryRegistry());
    private BinaryEncoder encoder;
    private long sink;

    InterleavedSerializerComparison() {
        serializer.configure(Map.of("schema.registry.url", "http://benchmark"), false);
    }

    /** @return {plain ns/record, serializer ns/record} as medians over {@code rounds} alternating blocks */
    double[] run(int rounds) {
        for (int i = 0; i < 20; i++) { // warm-up
            plainBlock();
            serializerBlock();
        }
        long[] plain = new long[rounds];
        long[] ours = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                plain[i] = plainBlock();
                ours[i] = serializerBlock();
            } else {
                ours[i] = serializerBlock();
                plain[i] = plainBlock();
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {median(plain) / BLOCK, median(ours) / BLOCK};
    }

    private long plainBlock() {
        long start = System.nanoTime();
        for (int i = 0; i < BLOCK; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64);
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            try {
                plainWriter.write(records.get(i & 1023), encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sink += out.toByteArray().length;
        }
        return System.nanoTime() - start;
    }

    private long serializerBlock() {
        long start = System.nanoTime();
        for (int i = 0; i < BLOCK; i++) {
            sink += serializer.serialize(TOPIC, records.get(i & 1023)).length;
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
