package io.tributary.ingest.body;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * {@code application/x-ndjson} (JSON lines): one object per line, each line one record, sent
 * as it is (without its line break). Blank lines are skipped.
 */
public final class NdjsonBodyParser implements BodyParser {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public ParsedBody parse(byte[] body) {
        Utf8Check.requireUtf8(body);
        List<LandingRecord> records = new ArrayList<>();
        int lineNumber = 1;
        int start = 0;
        while (start < body.length) {
            int newline = indexOf(body, (byte) '\n', start);
            int end = newline < 0 ? body.length : newline;
            int contentEnd = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(body, start, contentEnd)) {
                records.add(line(body, start, contentEnd, lineNumber));
            }
            lineNumber++;
            start = end + 1;
        }
        if (records.isEmpty()) {
            throw MalformedBodyException.whole("the body holds no record; send one JSON object per line");
        }
        return ParsedBody.of(records);
    }

    private static LandingRecord line(byte[] body, int from, int to, int lineNumber) {
        try (JsonParser parser = JSON.createParser(body, from, to - from)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw at(parser.currentTokenLocation(), from, lineNumber,
                        "the line holds " + JsonBodyParser.describe(first) + ", not an object: each line is one record");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw at(parser.currentTokenLocation(), from, lineNumber, "more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            throw at(e.getLocation(), from, lineNumber, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedBodyException("cannot read the line: " + e.getMessage(), lineNumber, -1, from);
        }
        byte[] value = new byte[to - from];
        System.arraycopy(body, from, value, 0, value.length);
        return new LandingRecord(value, lineNumber);
    }

    /** A location within one line, as a place in the whole body. */
    private static MalformedBodyException at(JsonLocation location, int lineStart, int lineNumber, String problem) {
        if (location == null) {
            return new MalformedBodyException(problem, lineNumber, -1, lineStart);
        }
        long offset = location.getByteOffset() < 0 ? lineStart : lineStart + location.getByteOffset();
        return new MalformedBodyException(problem, lineNumber, location.getColumnNr(), offset);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
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
