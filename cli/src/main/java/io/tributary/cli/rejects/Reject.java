package io.tributary.cli.rejects;

/** A record of a rejected topic as its headers describe it: why, where in the record, where it came from. */
public record Reject(String reason, String rule, String field, String message, String sourceTopic, int sourcePartition,
                     long sourceOffset, String batchId, long timestamp) {

    public String source() {
        return sourceTopic + "-" + sourcePartition + "@" + sourceOffset;
    }
}
