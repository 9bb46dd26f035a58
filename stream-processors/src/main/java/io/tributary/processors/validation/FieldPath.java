package io.tributary.processors.validation;

import java.util.regex.Pattern;

/**
 * Where a value sits in a record, e.g. {@code customer.address.city}, {@code items[2].price} or
 * {@code attributes["colour"]}. Segments are linked to their parent so that the text is only
 * built when a record is rejected, not for every field of every valid record.
 */
final class FieldPath {
    static final FieldPath ROOT = new FieldPath(null, null);
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final FieldPath parent;
    private final String segment;

    private FieldPath(FieldPath parent, String segment) {
        this.parent = parent;
        this.segment = segment;
    }

    FieldPath field(String name) {
        return new FieldPath(this, parent == null && segment == null ? name : "." + name);
    }

    FieldPath index(int i) {
        return new FieldPath(this, "[" + i + "]");
    }

    /** A map entry: dotted when the key is a plain name, else quoted in brackets. */
    FieldPath key(String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return field(key);
        }
        return new FieldPath(this, "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
    }

    /** How many segments deep: 0 for the record itself. */
    int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        return parent + segment;
    }
}
