package io.tributary.ingest.body;

import static io.tributary.ingest.body.JsonBodyParserTest.bytes;
import static io.tributary.ingest.body.JsonBodyParserTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class NdjsonBodyParserTest {
    private final NdjsonBodyParser parser = new NdjsonBodyParser();

    @Test
    void eachLineIsOneRecordWithoutItsLineBreak() {
        ParsedBody body = parser.parse(bytes("{\"a\":1}\r\n\n   \n{ \"a\" : [2] }\n{\"a\":3}"));
        assertThat(body.records()).extracting(r -> text(r.value())).containsExactly("{\"a\":1}", "{ \"a\" : [2] }", "{\"a\":3}");
        assertThat(body.records()).extracting(LandingRecord::line).containsExactly(1, 4, 5);
    }

    @Test
    void aBrokenLineIsRefusedWithItsLineNumberAndOffsetInTheBody() {
        MalformedBodyException e = catchThrowableOfType(MalformedBodyException.class,
                () -> parser.parse(bytes("{\"a\":1}\n{\"a\":2}\n{\"a\": nope}\n")));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("line 3").contains("not valid JSON");
        // The line starts at offset 16; the bad token a few bytes in.
        assertThat(e.byteOffset()).isBetween(16L, 27L);
    }

    @Test
    void aLineThatIsNoObjectOrHoldsTwoValuesIsRefused() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"a\":1}\n[1,2]\n"))).hasMessageContaining("line 2").hasMessageContaining("an array");
        assertThatThrownBy(() -> parser.parse(bytes("{\"a\":1} {\"a\":2}\n"))).hasMessageContaining("more than one JSON value");
    }

    @Test
    void aBodyOfBlankLinesHoldsNoRecord() {
        assertThatThrownBy(() -> parser.parse(bytes("\n \n"))).hasMessageContaining("no record");
    }
}
