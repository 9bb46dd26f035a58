package io.tributary.connect.source.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The arrival catalogue's record of one ingested file, on its zone's
 * {@code _tributary.<zone>.batches} keyed {@code arrival:<zone>.<dataset>/<batchId>}. The key
 * deliberately does not start with {@code <zone>.<dataset>/}: that prefix belongs to the validator's
 * batch reports, which readers such as replays parse strictly.
 *
 * @param status   {@code INGESTED} (every row is on the landing topic, the validator decides next) or
 *                 {@code REJECTED} (nothing was landed; {@code reason} and {@code message} say why)
 * @param checksum {@code sha256:<hex>} of the object's bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArrivalRecord(String kind, String zone, String dataset, String batchId, String source, String bucket, String key,
                            String eTag, long size, String format, long records, String checksum, String topic, String arrivedAt,
                            String ingestedAt, String status, String reason, String message) {
    public static final String KIND = "ARRIVAL";
    public static final String KEY_PREFIX = "arrival:";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String key(String zone, String dataset, String batchId) {
        return KEY_PREFIX + zone + "." + dataset + "/" + batchId;
    }

    public byte[] keyBytes() {
        return key(zone, dataset, batchId).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the arrival record of " + batchId, e);
        }
    }
}
