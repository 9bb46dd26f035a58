package io.tributary.connect.s3.decode;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A record value as the sink keeps it until its file is written: the Avro binary body (a slice
 * of {@code bytes}, often the Kafka value itself, so nothing is copied), the schema it was
 * written with, and the few fields the sink routes by.
 *
 * @param schemaVersion orders schemas for {@code schema.compatibility}: higher is newer (the
 *                      registry's schema id, or the Connect schema's version)
 * @param routing       a record holding at least the fields the partitioner and event time
 *                      need (a projection of the value, or the whole value)
 */
public record DecodedValue(Schema schema, long schemaVersion, byte[] bytes, int offset, int length, GenericRecord routing) {
}
