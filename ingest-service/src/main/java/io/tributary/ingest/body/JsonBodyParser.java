package io.tributary.ingest.body;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * {@code application/json}: one object (one record) or an array of objects (one record each).
 * Each record is the object's own bytes, cut out of the body, not re-serialised.
 */
public final class JsonBodyParser implements BodyParser {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public ParsedBody parse(byte[] body) {
        Utf8Check.requireUtf8(body);
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw MalformedBodyException.whole("the body is empty; send a JSON object or an array of objects");
            }
            List<LandingRecord> records = new ArrayList<>();
            if (first == JsonToken.START_OBJECT) {
                records.add(cutObject(parser, body));
            } else if (first == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken(), index++) {
                    if (t != JsonToken.START_OBJECT) {
                        throw at(parser.currentTokenLocation(), "array element " + index + " is " + describe(t)
                                + ", not an object: each element is one record");
                    }
                    records.add(cutObject(parser, body));
                }
                if (records.isEmpty()) {
                    throw at(parser.currentTokenLocation(), "the array is empty: there is no record to ingest");
                }
            } else {
                throw at(parser.currentTokenLocation(), "the body is " + describe(first) + "; send a JSON object or an array of objects");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw at(parser.currentTokenLocation(), "more than one JSON value in the body; send an array of objects,"
                        + " or application/x-ndjson for one object per line");
            }
            return ParsedBody.of(records);
        } catch (JsonProcessingException e) {
            throw at(e.getLocation(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw MalformedBodyException.whole("cannot read the body: " + e.getMessage());
        }
    }

    /** With the parser on START_OBJECT: the object's bytes, the parser left on its END_OBJECT. */
    static LandingRecord cutObject(JsonParser parser, byte[] body) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        parser.skipChildren();
        long end = parser.currentLocation().getByteOffset();
        return new LandingRecord(Arrays.copyOfRange(body, (int) start.getByteOffset(), (int) end), start.getLineNr());
    }

    static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    static MalformedBodyException at(JsonLocation location, String problem) {
        if (location == null) {
            return MalformedBodyException.whole(problem);
        }
        return new MalformedBodyException(problem, location.getLineNr(), location.getColumnNr(), location.getByteOffset());
    }
}
