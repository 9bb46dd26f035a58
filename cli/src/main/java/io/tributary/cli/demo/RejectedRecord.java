package io.tributary.cli.demo;

/** A record in a rejected topic with the reasons the validator gave in its headers. */
public record RejectedRecord(String key, byte[] value, String reason, String field, String message,
                             String sourceTopic, int sourcePartition, long sourceOffset) {
}
