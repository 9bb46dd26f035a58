package io.tributary.ingest.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code text/csv}: a header line, then rows; each row is one record, sent as it is (without its
 * line break), with the header line in {@code tributary.csv.header} so that the validator names
 * the columns. Rows are cut at line breaks outside double quotes (RFC 4180: a quoted cell may hold
 * line breaks, a quote inside it written twice); reading the cells is the validator's job. Blank
 * lines are skipped; a UTF-8 byte order mark before the header is dropped.
 */
public final class CsvBodyParser implements BodyParser {
    private static final byte QUOTE = '"';

    @Override
    public ParsedBody parse(byte[] body) {
        Utf8Check.requireUtf8(body);
        int start = hasBom(body) ? 3 : 0;
        List<LandingRecord> rows = new ArrayList<>();
        String header = null;
        int line = 1;
        while (start < body.length) {
            int firstLine = line;
            boolean quoted = false;
            int quoteOpenedAt = -1;
            int i = start;
            for (; i < body.length; i++) {
                byte b = body[i];
                if (b == QUOTE) {
                    quoted = !quoted;
                    if (quoted) {
                        quoteOpenedAt = i;
                    }
                } else if (b == '\n') {
                    if (!quoted) {
                        break;
                    }
                    line++;
                }
            }
            if (quoted) {
                throw new MalformedBodyException("a quoted cell opened here is never closed (a '\"' is missing)",
                        Utf8Check.line(body, quoteOpenedAt), -1, quoteOpenedAt);
            }
            int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
            if (!isBlank(body, start, end)) {
                if (header == null) {
                    header = new String(body, start, end - start, StandardCharsets.UTF_8);
                } else {
                    rows.add(new LandingRecord(Arrays.copyOfRange(body, start, end), firstLine));
                }
            }
            line++;
            start = i + 1;
        }
        if (header == null) {
            throw MalformedBodyException.whole("the body is empty; send a header line naming the columns, then one row per record");
        }
        if (rows.isEmpty()) {
            throw MalformedBodyException.whole("the body holds a header line but no row: there is no record to ingest");
        }
        return new ParsedBody(rows, Optional.of(header));
    }

    private static boolean hasBom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
