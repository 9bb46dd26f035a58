package io.tributary.model;

import java.util.Optional;

/**
 * How one field of a canonical entity gets its value from a source record. The loader completes
 * the list: every entity field has exactly one mapping, a field left out being copied from the
 * source field of the same name or, if there is none, left to its default ({@link Defaulted}).
 */
public sealed interface FieldMapping {

    /** The entity field this mapping fills. */
    String target();

    Place place();

    /** Copies (and renames) a source field; {@code cast} converts it to the target field's type. */
    record Copy(String target, String from, Optional<String> cast, Place place) implements FieldMapping {
    }

    /** A CEL expression over the source record's fields and the source's lookups. */
    record Derive(String target, String expression, Place place) implements FieldMapping {
    }

    /** A constant, written as text and parsed for the target field's type ({@link ConstantValues}). */
    record Constant(String target, String value, Place place) implements FieldMapping {
    }

    /** The value of one of the source's lookups. */
    record FromLookup(String target, String lookup, Place place) implements FieldMapping {
    }

    /** The field's default in the entity schema, or null. */
    record Defaulted(String target, Place place) implements FieldMapping {
    }
}
