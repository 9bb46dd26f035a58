package io.tributary.processors.ods;

import org.apache.avro.generic.GenericRecord;

/** Where lookups read reference data: the current record of a key in a lookup target, or null. */
@FunctionalInterface
public interface LookupTables {
    GenericRecord find(String storeName, String key);
}
