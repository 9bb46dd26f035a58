package io.tributary.processors.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.tributary.model.CsvOptions;
import io.tributary.model.RejectHeaderNames;

/**
 * Landing records that are one CSV row each (RFC 4180: fields in double quotes may hold the
 * delimiter, line breaks and quotes written twice), in UTF-8. The columns are named by the
 * record's {@code tributary.csv.header} header (the file's header line, in the same CSV dialect),
 * else by the dataset's {@code csv.columns}, else by the schema's top-level fields in order.
 * Dotted column names ({@code customer.city}) fill nested records; a cell for a record, array or
 * map field holds JSON text. A cell equal to the dataset's null token is null. Each cell is text,
 * converted to its field's type by the converter ({@link ConversionOptions#textTyped()}).
 */
public final class CsvLandingParser implements LandingParser {
    private static final CsvMapper CSV = new CsvMapper();

    private final JsonToAvroConverter converter;
    private final ObjectReader rows;
    private final String nullToken;
    private final List<String> defaultColumns;
    /** The last header line seen and its columns: a file's rows all carry the same one. */
    private volatile ParsedHeader lastHeader = new ParsedHeader("", List.of());

    private record ParsedHeader(String line, List<String> columns) {
    }

    public CsvLandingParser(JsonToAvroConverter converter, CsvOptions options) {
        this.converter = converter;
        CsvSchema dialect = CsvSchema.emptySchema().withColumnSeparator(options.delimiter()).withQuoteChar('"').withoutEscapeChar();
        this.rows = CSV.readerForArrayOf(String.class).with(dialect).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES);
        this.nullToken = options.nullToken();
        Schema schema = converter.schema();
        this.defaultColumns = options.columns().isEmpty() ? schema.getFields().stream().map(Schema.Field::name).toList()
                : options.columns();
    }

    @Override
    public ValidationOutcome parse(byte[] value, Headers headers) {
        if (value == null || value.length == 0) {
            return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record has no value (" + (value == null ? "null" : "0 bytes")
                    + ")");
        }
        try {
            String text = Utf8Text.decode(value);
            if (text.isBlank()) {
                return ValidationOutcome.rejected(RejectReason.EMPTY_RECORD, "", "the record's value is only whitespace");
            }
            List<String> columns = columns(headers);
            String[] cells = row(text, "row");
            if (cells.length != columns.size()) {
                return ValidationOutcome.rejected(RejectReason.COLUMN_COUNT, "", "the row has " + cells.length + " column"
                        + (cells.length == 1 ? "" : "s") + ", the header names " + columns.size() + " " + columns);
            }
            return converter.convert(tree(columns, cells));
        } catch (ConversionException e) {
            return e.toOutcome();
        }
    }

    private List<String> columns(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(RejectHeaderNames.CSV_HEADER);
        if (header == null || header.value() == null) {
            return defaultColumns;
        }
        String line = new String(header.value(), StandardCharsets.UTF_8);
        ParsedHeader last = lastHeader;
        if (last.line().equals(line)) {
            return last.columns();
        }
        List<String> columns = List.of(row(line, "header " + RejectHeaderNames.CSV_HEADER));
        lastHeader = new ParsedHeader(line, columns);
        return columns;
    }

    /** Exactly one CSV row: no more, and well-formed. */
    private String[] row(String text, String what) {
        try (MappingIterator<String[]> it = rows.readValues(text)) {
            if (!it.hasNext()) {
                throw new ConversionException(RejectReason.NOT_CSV, FieldPath.ROOT, "the " + what + " holds no CSV row");
            }
            String[] cells = it.next();
            if (it.hasNext()) {
                throw new ConversionException(RejectReason.NOT_CSV, FieldPath.ROOT, "the " + what
                        + " holds more than one CSV row (a line break outside quotes)");
            }
            return cells;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConversionException c) {
                throw c;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ConversionException(RejectReason.NOT_CSV, FieldPath.ROOT, "the " + what + " is not valid CSV: " + message);
        }
    }

    /** The row as an object of text cells; dotted column names build nested objects. */
    private ObjectNode tree(List<String> columns, String[] cells) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.length; i++) {
            String column = columns.get(i);
            ObjectNode parent = root;
            int dot;
            String rest = column;
            while ((dot = rest.indexOf('.')) > 0 && dot < rest.length() - 1) {
                JsonNode child = parent.get(rest.substring(0, dot));
                parent = child instanceof ObjectNode object ? object : parent.putObject(rest.substring(0, dot));
                rest = rest.substring(dot + 1);
            }
            if (cells[i].equals(nullToken)) {
                parent.putNull(rest);
            } else {
                parent.put(rest, cells[i]);
            }
        }
        nullEmptyRecords(root);
        return root;
    }

    /** A nested record whose cells are all null is itself null, so that an optional record can be left out. */
    private static boolean nullEmptyRecords(ObjectNode object) {
        boolean allNull = true;
        for (var it = object.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getValue() instanceof ObjectNode child && nullEmptyRecords(child)) {
                entry.setValue(JsonNodeFactory.instance.nullNode());
            }
            allNull &= entry.getValue().isNull();
        }
        return allNull;
    }
}
