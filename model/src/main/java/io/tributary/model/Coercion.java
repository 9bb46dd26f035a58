package io.tributary.model;

import java.util.Locale;

/**
 * How far the validator goes to turn a landing value into the type the dataset's schema asks for.
 * {@code STRICT} takes only values already of the right kind (and, for CSV, text in the type's
 * canonical spelling); {@code LENIENT} also converts between kinds where nothing is lost (numeric
 * text to numbers, numbers to text, {@code yes}/{@code no} to booleans, enum symbols in any case,
 * timestamps without an offset in the dataset's time zone). Neither rounds nor truncates.
 */
public enum Coercion {
    STRICT, LENIENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
