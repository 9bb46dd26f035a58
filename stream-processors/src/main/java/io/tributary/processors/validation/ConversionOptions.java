package io.tributary.processors.validation;

import java.time.ZoneId;
import java.time.ZoneOffset;

import io.tributary.model.Coercion;

/**
 * How values become the schema's types.
 *
 * @param coercion  strict or lenient (see the coercion table in docs/stream-processors.md)
 * @param timeZone  where lenient coercion places timestamps written without an offset
 * @param textTyped the format has text only (CSV): text is read as whatever type the schema asks
 *                  for, in that type's canonical spelling (strict) or more freely (lenient)
 */
public record ConversionOptions(Coercion coercion, ZoneId timeZone, boolean textTyped) {
    public static final ConversionOptions STRICT_JSON = new ConversionOptions(Coercion.STRICT, ZoneOffset.UTC, false);

    public boolean lenient() {
        return coercion == Coercion.LENIENT;
    }

    /** Whether text may stand for a number, boolean or other non-text type. */
    public boolean textForAnyType() {
        return textTyped || lenient();
    }
}
