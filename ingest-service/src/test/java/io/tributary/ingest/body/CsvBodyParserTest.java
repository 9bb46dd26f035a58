package io.tributary.ingest.body;

import static io.tributary.ingest.body.JsonBodyParserTest.bytes;
import static io.tributary.ingest.body.JsonBodyParserTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class CsvBodyParserTest {
    private final CsvBodyParser parser = new CsvBodyParser();

    @Test
    void theHeaderLineNamesTheColumnsAndEachRowIsOneRecordUnchanged() {
        ParsedBody body = parser.parse(bytes("id,amount,note\r\n1,12.50,lunch\r\n2,\"3,20\",\"said \"\"hi\"\"\"\r\n"));
        assertThat(body.csvHeader()).contains("id,amount,note");
        assertThat(body.records()).extracting(r -> text(r.value())).containsExactly("1,12.50,lunch", "2,\"3,20\",\"said \"\"hi\"\"\"");
        assertThat(body.records()).extracting(LandingRecord::line).containsExactly(2, 3);
    }

    @Test
    void aLineBreakInsideQuotesStaysInItsRow() {
        ParsedBody body = parser.parse(bytes("id,note\n1,\"two\nlines\"\n2,x\n"));
        assertThat(body.records()).extracting(r -> text(r.value())).containsExactly("1,\"two\nlines\"", "2,x");
        assertThat(body.records()).extracting(LandingRecord::line).containsExactly(2, 4);
    }

    @Test
    void blankLinesAreSkippedAndAByteOrderMarkIsDropped() {
        ParsedBody body = parser.parse(bytes("\uFEFFid,v\n\n1,a\n\n2,b"));
        assertThat(body.csvHeader()).contains("id,v");
        assertThat(body.records()).extracting(r -> text(r.value())).containsExactly("1,a", "2,b");
    }

    @Test
    void anUnclosedQuoteIsRefusedWhereItOpens() {
        MalformedBodyException e = catchThrowableOfType(MalformedBodyException.class, () -> parser.parse(bytes("id,note\n1,ok\n2,\"open\n3,x\n")));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.byteOffset()).isEqualTo(15);
        assertThat(e.getMessage()).contains("never closed");
    }

    @Test
    void aBodyWithoutRowsIsRefused() {
        assertThatThrownBy(() -> parser.parse(bytes("id,amount\n"))).hasMessageContaining("no row");
        assertThatThrownBy(() -> parser.parse(bytes(""))).hasMessageContaining("empty");
    }
}
