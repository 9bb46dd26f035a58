package io.tributary.catalog.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.avro.Schema;

/**
 * The shape of a {@code <zone>_rejected.<dataset>} table, whatever the dataset: one row per
 * rejected record with the rejected topic's reason headers as columns (reason, rule, field,
 * message, source topic/partition/offset, batch id), when it was rejected, and the original key
 * and value as text. A rejected topic holds the original bytes, which need not match any schema,
 * so its table cannot be derived from the dataset's schema.
 */
public final class RejectedRecords {
    public static final Schema SCHEMA = load();

    private RejectedRecords() {
    }

    private static Schema load() {
        try (InputStream in = RejectedRecords.class.getResourceAsStream("rejected-record.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("rejected-record.avsc is missing from the catalog jar", e);
        }
    }
}
