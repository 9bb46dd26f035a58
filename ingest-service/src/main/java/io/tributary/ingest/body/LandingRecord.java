package io.tributary.ingest.body;

/**
 * One record cut out of a request body: the exact bytes it had in the body (a JSON object, an
 * NDJSON line or a CSV row, without the line break), and the body line it starts on (1-based).
 */
public record LandingRecord(byte[] value, int line) {
}
