package io.tributary.model;

/**
 * A lookup a source's mappings may use: the value of {@code valueField} in the record of
 * {@code reference} whose key is the source record's {@code keyField}. Its {@code name} is a
 * variable in the source's CEL expressions and the target of {@code lookup:} mappings.
 *
 * @param defaultValue the value on a miss with {@link MissPolicy#DEFAULT} as written (parsed for
 *                     the reference field's type, see {@link ConstantValues}); null otherwise
 */
public record LookupSpec(String name, DatasetRef reference, String keyField, String valueField, MissPolicy onMiss,
        String defaultValue, Place place) {
}
