package io.tributary.ingest.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonBodyParserTest {
    private final JsonBodyParser parser = new JsonBodyParser();

    @Test
    void oneObjectIsOneRecordWithItsBytesUnchanged() {
        String object = "{ \"id\" : 1,\n  \"name\":\"caf\u00e9\" , \"n\": 1.50 }";
        ParsedBody body = parser.parse(bytes("  " + object + "\n"));
        assertThat(body.records()).hasSize(1);
        assertThat(text(body.records().get(0).value())).isEqualTo(object);
        assertThat(body.csvHeader()).isEmpty();
    }

    @Test
    void anArrayOfObjectsIsOneRecordPerElementInOrder() {
        ParsedBody body = parser.parse(bytes("[{\"a\":1},\n {\"a\": {\"nested\": [1,2]}} ,{\"\u00e9\":\"x\"}]"));
        assertThat(body.records()).extracting(r -> text(r.value()))
                .containsExactly("{\"a\":1}", "{\"a\": {\"nested\": [1,2]}}", "{\"\u00e9\":\"x\"}");
        assertThat(body.records()).extracting(LandingRecord::line).containsExactly(1, 2, 2);
    }

    @Test
    void anArrayElementThatIsNoObjectIsRefusedWithItsIndexAndPlace() {
        MalformedBodyException e = catchThrowableOfType(MalformedBodyException.class, () -> parser.parse(bytes("[{\"a\":1},\n 42]")));
        assertThat(e.getMessage()).contains("array element 1 is a number").contains("line 2");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.byteOffset()).isEqualTo(11);
    }

    @Test
    void brokenJsonIsRefusedWithLineColumnAndOffset() {
        MalformedBodyException e = catchThrowableOfType(MalformedBodyException.class,
                () -> parser.parse(bytes("[{\"a\":1},\n{\"b\": tru}]")));
        assertThat(e.getMessage()).startsWith("line 2").contains("not valid JSON");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.byteOffset()).isBetween(14L, 20L);
    }

    @Test
    void anUnclosedArrayIsRefused() {
        assertThatThrownBy(() -> parser.parse(bytes("[{\"a\":1}, {\"a\":2}"))).isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void emptyBodiesArraysAndScalarsAreRefused() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(bytes("  [ ] "))).hasMessageContaining("array is empty");
        assertThatThrownBy(() -> parser.parse(bytes("\"text\""))).hasMessageContaining("is a string");
    }

    @Test
    void twoTopLevelValuesAreRefusedPointingAtNdjson() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"a\":1}\n{\"a\":2}"))).isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("more than one JSON value").hasMessageContaining("application/x-ndjson").hasMessageContaining("line 2");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirOffset() {
        byte[] body = bytes("{\"a\":\"xx\"}");
        body[7] = (byte) 0xC3; // a lead byte followed by an ASCII one
        MalformedBodyException e = catchThrowableOfType(MalformedBodyException.class, () -> parser.parse(body));
        assertThat(e.getMessage()).contains("not UTF-8");
        assertThat(e.byteOffset()).isEqualTo(7);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
