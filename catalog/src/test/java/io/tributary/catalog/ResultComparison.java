package io.tributary.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two engines' answers to one query: same column names, same rows in the same order,
 * values equal after plain normalisation (integers as longs, decimals without trailing zeros,
 * doubles within 1e-9 relative). Columns named {@code approx_*} hold estimates (HyperLogLog,
 * t-digest differ between engines): they may differ by up to 10%.
 */
public final class ResultComparison {
    private ResultComparison() {
    }

    /** The differences, one line each; empty if the answers agree. */
    public static List<String> differences(QueryResult a, QueryResult b) {
        List<String> out = new ArrayList<>();
        if (!a.columnNames().equals(b.columnNames())) {
            out.add("columns " + a.columnNames() + " vs " + b.columnNames());
            return out;
        }
        if (a.rowCount() != b.rowCount()) {
            out.add("rows " + a.rowCount() + " vs " + b.rowCount());
            return out;
        }
        for (int r = 0; r < a.rowCount(); r++) {
            for (int c = 0; c < a.columns().size(); c++) {
                String column = a.columnNames().get(c);
                Object x = normalise(a.rows().get(r).get(c));
                Object y = normalise(b.rows().get(r).get(c));
                boolean approx = column.startsWith("approx_");
                if (!same(x, y, approx ? 0.10 : 1e-9)) {
                    out.add("row " + r + " column " + column + ": " + x + " vs " + y);
                }
            }
        }
        return out;
    }

    private static boolean same(Object x, Object y, double tolerance) {
        if (x instanceof Number n && y instanceof Number m && (x instanceof Double || y instanceof Double || tolerance > 1e-6)) {
            double p = n.doubleValue();
            double q = m.doubleValue();
            return Math.abs(p - q) <= tolerance * Math.max(1.0, Math.max(Math.abs(p), Math.abs(q)));
        }
        return java.util.Objects.equals(x, y);
    }

    static Object normalise(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ResultComparison::normalise).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(normalise(k), normalise(v)));
            return m;
        }
        return value;
    }
}
