package io.tributary.processors.validation;

import org.apache.kafka.common.header.Headers;

/**
 * Reads the value of one landing record and checks it against the dataset's schema. One
 * implementation per landing format (JSON, CSV, Avro), so the topology does not care how records
 * arrive. Implementations are thread-safe: Kafka Streams may call one from several stream threads.
 */
public interface LandingParser {

    /**
     * @param value   the landing record's value bytes, possibly null (a tombstone)
     * @param headers the landing record's headers (a CSV row's header line travels in one)
     */
    ValidationOutcome parse(byte[] value, Headers headers);
}
