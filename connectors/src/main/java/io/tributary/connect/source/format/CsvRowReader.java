package io.tributary.connect.source.format;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.model.RejectHeaderNames;

/**
 * CSV (RFC 4180, Commons CSV) with a header line. A row becomes either a JSON object of column
 * name to cell text (an empty cell is null), or, raw, the row as CSV text with the header line in
 * {@code tributary.csv.header}, which is what the validator's {@code csv} landing format reads.
 */
final class CsvRowReader implements RowReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CSVFormat format;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final boolean raw;
    private final String headerLine;
    private long number;

    private CsvRowReader(CSVFormat format, CSVParser parser, boolean raw) throws BadFileException {
        this.format = format;
        this.parser = parser;
        this.raw = raw;
        this.header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new BadFileException(BadFileReason.EMPTY_FILE, "the file is empty: no header line, no rows");
        }
        this.headerLine = print(header);
        this.records = parser.iterator();
    }

    static CsvRowReader open(Path file, ReaderSettings settings) throws IOException, BadFileException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(settings.csvDelimiter())
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setIgnoreEmptyLines(true)
                .get();
        Reader reader = Utf8Text.open(file);
        try {
            return new CsvRowReader(format, CSVParser.builder().setReader(reader).setFormat(format).get(), settings.csvRaw());
        } catch (IllegalArgumentException e) {
            reader.close();
            throw new BadFileException(BadFileReason.BAD_HEADER, "the header line is not usable: " + e.getMessage(), 0, "");
        } catch (IOException | UncheckedIOException e) {
            reader.close();
            BadFileException encoding = Utf8Text.encodingProblem(e, 0, "the header line");
            if (encoding != null) {
                throw encoding;
            }
            throw new BadFileException(BadFileReason.CORRUPT_FILE, "the header line cannot be read: " + e.getMessage(), 0, "");
        }
    }

    @Override
    public FileRow next() throws BadFileException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw problem(e);
        }
        number++;
        String where = "line " + record.getParser().getCurrentLineNumber() + " (record " + number + ")";
        if (record.size() != header.size()) {
            throw new BadFileException(BadFileReason.BAD_ROW, where + " has " + record.size() + " cell(s), the header line "
                    + header.size() + " column(s)", number, "");
        }
        byte[] value = raw ? print(record.values()).getBytes(StandardCharsets.UTF_8) : json(record);
        return new FileRow(number, where, value);
    }

    private BadFileException problem(RuntimeException e) {
        String where = "line " + parser.getCurrentLineNumber() + " (after record " + number + ")";
        BadFileException encoding = Utf8Text.encodingProblem(e, number + 1, where);
        if (encoding != null) {
            return encoding;
        }
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new BadFileException(BadFileReason.TRUNCATED_FILE, "the file ends inside a quoted cell that starts near " + where,
                    number + 1, "");
        }
        return new BadFileException(BadFileReason.BAD_ROW, "cannot read the CSV near " + where + ": " + message, number + 1, "");
    }

    private byte[] json(CSVRecord record) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String cell = record.get(i);
            if (cell.isEmpty()) {
                node.putNull(header.get(i));
            } else {
                node.put(header.get(i), cell);
            }
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row in the file's own dialect, without the line break. */
    private String print(Iterable<String> cells) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format.builder().setHeader((String[]) null).setRecordSeparator("").get())) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String print(String[] cells) {
        return print(List.of(cells));
    }

    @Override
    public Map<String, String> recordHeaders() {
        return raw ? Map.of(RejectHeaderNames.CSV_HEADER, headerLine) : Map.of();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
