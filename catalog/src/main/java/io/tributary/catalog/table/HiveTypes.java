package io.tributary.catalog.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Hive type string as Glue stores it ({@code struct<a:int,b:array<string>>}) back into a
 * {@link ColumnType}, so that a table found in Glue can be evolved column by column.
 */
public final class HiveTypes {
    private final String text;
    private int pos;

    private HiveTypes(String text) {
        this.text = text.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** @throws IllegalArgumentException naming the type and position if it is not one this catalog writes */
    public static ColumnType parse(String type) {
        HiveTypes parser = new HiveTypes(type);
        ColumnType result = parser.type();
        if (parser.pos != parser.text.length()) {
            throw parser.error("unexpected '" + parser.text.substring(parser.pos) + "'");
        }
        return result;
    }

    private ColumnType type() {
        String name = word();
        switch (name) {
            case "array" -> {
                expect('<');
                ColumnType element = type();
                expect('>');
                return new ColumnType.ArrayOf(element);
            }
            case "map" -> {
                expect('<');
                ColumnType key = type();
                if (key != ColumnType.Primitive.STRING) {
                    throw error("map keys other than string are not used by the lake");
                }
                expect(',');
                ColumnType value = type();
                expect('>');
                return new ColumnType.MapOf(value);
            }
            case "struct" -> {
                expect('<');
                List<ColumnType.Field> fields = new ArrayList<>();
                do {
                    String field = word();
                    expect(':');
                    fields.add(new ColumnType.Field(field, type()));
                } while (accept(','));
                expect('>');
                return new ColumnType.Struct(fields);
            }
            case "decimal" -> {
                expect('(');
                int precision = Integer.parseInt(word());
                expect(',');
                int scale = Integer.parseInt(word());
                expect(')');
                return new ColumnType.Decimal(precision, scale);
            }
            default -> {
                for (ColumnType.Primitive p : ColumnType.Primitive.values()) {
                    if (p.hive().equals(name)) {
                        return p;
                    }
                }
                if (name.equals("integer")) {
                    return ColumnType.Primitive.INT;
                }
                throw error("unknown type '" + name + "'");
            }
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("cannot read Hive type '" + text + "' at position " + pos + ": " + what);
    }
}
