package io.tributary.ingest.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyParsersTest {
    private final BodyParsers parsers = new BodyParsers();

    @Test
    void picksTheParserByMediaTypeWhateverItsCaseAndParameters() {
        assertThat(parsers.forContentType("application/json")).containsInstanceOf(JsonBodyParser.class);
        assertThat(parsers.forContentType("Application/JSON; charset=UTF-8")).containsInstanceOf(JsonBodyParser.class);
        assertThat(parsers.forContentType("application/x-ndjson")).containsInstanceOf(NdjsonBodyParser.class);
        assertThat(parsers.forContentType("text/csv;charset=\"utf-8\";header=present")).containsInstanceOf(CsvBodyParser.class);
    }

    @Test
    void refusesOtherTypesAndOtherCharsets() {
        assertThat(parsers.forContentType(null)).isEmpty();
        assertThat(parsers.forContentType("text/plain")).isEmpty();
        assertThat(parsers.forContentType("application/xml")).isEmpty();
        assertThat(parsers.forContentType("text/csv; charset=ISO-8859-1")).isEmpty();
    }
}
