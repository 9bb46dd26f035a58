package io.tributary.cli.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.tributary.catalog.QueryResult;
import io.tributary.catalog.TablePrinter;

/** CSV (Jackson's CSV writer) and JSON-lines forms of a query result. */
final class ResultWriters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultWriters() {
    }

    static void csv(QueryResult result, PrintWriter out) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setNullValue("");
        result.columnNames().forEach(schema::addColumn);
        try {
            var writer = CSV.writer(schema.build()).writeValues(out);
            for (List<Object> row : result.rows()) {
                writer.write(row.stream().map(v -> v == null ? null : text(v)).toList());
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV: " + e.getMessage(), e);
        }
        out.flush();
    }

    static void json(QueryResult result, PrintWriter out) {
        for (List<Object> row : result.rows()) {
            ObjectNode line = NODES.objectNode();
            for (int c = 0; c < row.size(); c++) {
                line.set(result.columnNames().get(c), node(row.get(c)));
            }
            try {
                out.println(JSON.writeValueAsString(line));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write JSON: " + e.getMessage(), e);
            }
        }
        out.flush();
    }

    /** Text of a CSV field: plain numbers and strings as they are, everything else as the table shows it. */
    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value.toString();
        }
        return TablePrinter.format(value);
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        } else if (value instanceof BigInteger i) {
            return NODES.numberNode(i);
        } else if (value instanceof Long l) {
            return NODES.numberNode(l);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof Float f) {
            return NODES.numberNode(f);
        } else if (value instanceof Number n) {
            return NODES.numberNode(n.longValue());
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof byte[] bytes) {
            return NODES.textNode(HexFormat.of().formatHex(bytes));
        } else if (value instanceof TemporalAccessor) {
            return NODES.textNode(value.toString());
        } else if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(node(v)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        return NODES.textNode(value.toString());
    }
}
