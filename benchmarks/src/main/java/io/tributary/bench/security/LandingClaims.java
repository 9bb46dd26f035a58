package io.tributary.bench.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.tributary.bench.validator.BenchZone;

/**
 * The claims both runs send to landing, made once so that the open and the secured run validate
 * the very same bytes (the validator benchmark's claims: JSON, about 230 bytes, all valid).
 */
final class LandingClaims {
    private final List<byte[]> keys;
    private final List<byte[]> values;
    private final long valueBytes;

    private LandingClaims(List<byte[]> keys, List<byte[]> values, long valueBytes) {
        this.keys = keys;
        this.values = values;
        this.valueBytes = valueBytes;
    }

    static LandingClaims generate(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("records must be at least 1, not " + count);
        }
        Random random = new Random(42);
        Instant now = Instant.now();
        List<byte[]> keys = new ArrayList<>(count);
        List<byte[]> values = new ArrayList<>(count);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] value = BenchZone.claim(i, random, now);
            keys.add(("k" + i).getBytes(StandardCharsets.UTF_8));
            values.add(value);
            bytes += value.length;
        }
        return new LandingClaims(List.copyOf(keys), List.copyOf(values), bytes);
    }

    int count() {
        return values.size();
    }

    byte[] key(int i) {
        return keys.get(i);
    }

    byte[] value(int i) {
        return values.get(i);
    }

    /** Bytes of JSON (the record values) the validator parses: what MB/s counts. */
    long valueBytes() {
        return valueBytes;
    }

    int meanValueSize() {
        return (int) Math.round((double) valueBytes / values.size());
    }
}
