package io.tributary.ingest.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The arrival catalogue's record of one HTTP batch, on its zone's {@code _tributary.<zone>.batches} keyed
 * {@code arrival:<zone>.<dataset>/<batchId>}: the same contract as the ingress file source's
 * arrival records (docs/ingress.md), so that {@code tributary batches} lists both alike. The key
 * does not start with {@code <zone>.<dataset>/}, which belongs to the validator's batch reports.
 *
 * @param source   {@code http:<principal>} ({@code http:anonymous} when the service runs open)
 * @param size     the request body's bytes
 * @param records  records written to the landing topic
 * @param checksum {@code sha256:<hex>} of the request body
 * @param status   {@code INGESTED} (every record landed) or {@code INCOMPLETE} (some did not; {@code message} says how many)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchArrival(String kind, String zone, String dataset, String batchId, String source, String requestId, long size,
                           String format, long records, String checksum, String topic, String arrivedAt, String ingestedAt,
                           String status, String message) {
    public static final String KIND = "ARRIVAL";
    public static final String KEY_PREFIX = "arrival:";
    public static final String INGESTED = "INGESTED";
    public static final String INCOMPLETE = "INCOMPLETE";
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] keyBytes() {
        return (KEY_PREFIX + zone + "." + dataset + "/" + batchId).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the arrival record of batch " + batchId, e);
        }
    }
}
