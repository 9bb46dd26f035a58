package io.tributary.ingest.body;

/** Cuts a request body of one content type into landing records, leaving each record's bytes as they were. */
public interface BodyParser {
    /**
     * @throws MalformedBodyException when the body is not of this type, or holds no record
     */
    ParsedBody parse(byte[] body);
}
