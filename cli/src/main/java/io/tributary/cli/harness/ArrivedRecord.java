package io.tributary.cli.harness;

/** A row found in the lake: its key and the checksum of its fields as the lake holds them. */
public record ArrivedRecord(String key, String checksum) {
}
