package io.tributary.processors.validation;

/**
 * Reads the value of one landing record and checks it against the dataset's schema. One
 * implementation per landing format (JSON now; CSV and Avro later), so the topology does not care
 * how records arrive. Implementations are thread-safe: Kafka Streams may call one from several
 * stream threads.
 */
public interface LandingParser {

    /** @param value the landing record's value bytes, possibly null (a tombstone) */
    ValidationOutcome parse(byte[] value);
}
