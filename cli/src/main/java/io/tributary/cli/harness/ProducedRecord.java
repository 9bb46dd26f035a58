package io.tributary.cli.harness;

/** A record the harness sent: its key, the checksum of its fields, and whether staging should take it. */
public record ProducedRecord(String key, String checksum, boolean valid) {
}
