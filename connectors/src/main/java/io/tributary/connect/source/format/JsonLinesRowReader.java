package io.tributary.connect.source.format;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * JSON lines: one JSON object per line (blank lines skipped), each landed as it is written
 * (re-serialised compactly; numbers kept exact, duplicate keys refused).
 */
final class JsonLinesRowReader implements RowReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final JsonParser parser;
    private long number;

    private JsonLinesRowReader(JsonParser parser) {
        this.parser = parser;
    }

    static JsonLinesRowReader open(Path file) throws IOException, BadFileException {
        Reader reader = Utf8Text.open(file);
        return new JsonLinesRowReader(JSON.createParser(reader));
    }

    @Override
    public FileRow next() throws BadFileException, IOException {
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            number++;
            line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw new BadFileException(BadFileReason.BAD_ROW, "line " + line + " is not a JSON object (it starts with " + token + ")",
                        number, "");
            }
            JsonNode node = JSON.readTree(parser);
            return new FileRow(number, "line " + line, JSON.writeValueAsBytes(node));
        } catch (JsonEOFException e) {
            throw new BadFileException(BadFileReason.TRUNCATED_FILE, "the file ends inside the JSON value of line " + line + ": "
                    + e.getOriginalMessage(), number, "");
        } catch (JsonParseException e) {
            throw new BadFileException(BadFileReason.BAD_ROW, "line " + e.getLocation().getLineNr() + " is not valid JSON: "
                    + e.getOriginalMessage(), number, "");
        } catch (StreamReadException e) {
            throw new BadFileException(BadFileReason.BAD_ROW, "line " + line + " cannot be read: " + e.getOriginalMessage(), number, "");
        } catch (IOException e) {
            BadFileException encoding = Utf8Text.encodingProblem(e, number, "line " + line);
            if (encoding != null) {
                throw encoding;
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
