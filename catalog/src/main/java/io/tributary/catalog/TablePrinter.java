package io.tributary.catalog;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a {@link QueryResult} as an aligned text table, as psql and the Trino CLI do: a header,
 * a rule, numeric columns right-aligned, NULL for missing values, and the row count last.
 */
public final class TablePrinter {
    private static final String NULL = "NULL";
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "U?(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT)|FLOAT|REAL|DOUBLE|DECIMAL(\\(.*\\))?|NUMERIC(\\(.*\\))?",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter();
    private static final DateTimeFormatter DATE_TIME_OFFSET = new DateTimeFormatterBuilder()
            .append(DATE_TIME).appendOffset("+HH:MM", "Z").toFormatter();

    public String render(QueryResult result) {
        int columns = result.columns().size();
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns];
        boolean[] rightAligned = new boolean[columns];
        boolean[] sawNumber = new boolean[columns];
        boolean[] sawOther = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = width(result.columns().get(c).name());
        }
        for (List<Object> row : result.rows()) {
            String[] texts = new String[columns];
            for (int c = 0; c < columns; c++) {
                Object value = row.get(c);
                texts[c] = format(value);
                widths[c] = Math.max(widths[c], width(texts[c]));
                sawNumber[c] |= value instanceof Number;
                sawOther[c] |= value != null && !(value instanceof Number);
            }
            cells.add(texts);
        }
        for (int c = 0; c < columns; c++) {
            rightAligned[c] = isNumeric(result.columns().get(c).type()) || (sawNumber[c] && !sawOther[c]);
        }
        StringBuilder out = new StringBuilder();
        String[] header = result.columns().stream().map(Column::name).toArray(String[]::new);
        line(out, header, widths, new boolean[columns]);
        for (int c = 0; c < columns; c++) {
            out.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.append('\n');
        cells.forEach(row -> line(out, row, widths, rightAligned));
        int n = result.rowCount();
        out.append('(').append(n).append(n == 1 ? " row" : " rows");
        if (result.truncated()) {
            out.append("; more rows were not fetched");
        }
        return out.append(')').toString();
    }

    /** Numeric SQL types: integers of every width, floating point and decimals. */
    static boolean isNumeric(String type) {
        return type != null && NUMERIC_TYPE.matcher(type).matches();
    }

    private static void line(StringBuilder out, String[] texts, int[] widths, boolean[] rightAligned) {
        for (int c = 0; c < texts.length; c++) {
            String pad = " ".repeat(widths[c] - width(texts[c]));
            out.append(c == 0 ? " " : " | ").append(rightAligned[c] ? pad + texts[c] : texts[c] + pad);
        }
        // No trailing blanks after the last column.
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    /** One line per value: control characters are shown escaped so that the columns stay aligned. */
    public static String format(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        } else if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        } else if (value instanceof OffsetDateTime dateTime) {
            return DATE_TIME_OFFSET.format(dateTime);
        } else if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        } else if (value instanceof List<?> list) {
            return list.stream().map(TablePrinter::format).collect(Collectors.joining(", ", "[", "]"));
        } else if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> format(e.getKey()) + ": " + format(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return value.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
