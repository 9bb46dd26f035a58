package io.tributary.cli.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.cli.harness.CorpusCase.Channel;
import io.tributary.cli.harness.CorpusCase.LandingInput;
import io.tributary.registry.client.WireFormat;

/** The corpus is what it says: enough named kinds, each input really carrying the defect its name claims. */
class BadInputCorpusTest {
    private static final int SCHEMA_ID = 41;
    private final List<CorpusCase> cases = new BadInputCorpus(SCHEMA_ID, workbook()).cases();
    private final Map<String, CorpusCase> byName = cases.stream().collect(Collectors.toMap(CorpusCase::name, Function.identity()));

    private static byte[] workbook() {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones/finance/expense-reports.xlsx"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void atLeastFortyNamedKindsOverEveryChannelEachWithAControl() {
        assertThat(cases.stream().filter(c -> c.expected().outcome() != CorpusCase.Outcome.ACCEPTED)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(byName).hasSameSizeAs(cases);
        assertThat(cases).extracting(CorpusCase::channel).contains(Channel.values());
        for (Channel channel : Channel.values()) {
            assertThat(cases).as(channel.name()).anyMatch(c -> c.channel() == channel && c.expected().outcome() == CorpusCase.Outcome.ACCEPTED);
        }
        assertThat(cases).allSatisfy(c -> assertThat(c.description()).isNotBlank());
    }

    @Test
    void theJsonControlIsValidJsonAndTheDefectsAreNot() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        assertThat(strict.readTree(value("json_valid_control")).path("id").asText()).isEqualTo("json_valid_control");
        for (String name : List.of("json_truncated", "json_trailing_garbage", "json_duplicate_key", "json_raw_control_char", "json_single_quotes")) {
            assertThat(parses(strict, value(name))).as(name).isFalse();
        }
        assertThat(strict.readTree(value("json_escaped_control_chars")).path("note").asText()).contains("\u0001");
    }

    @Test
    void encodingCasesAreNotUtf8AndTheBomCaseIs() {
        assertThat(isUtf8(value("json_invalid_utf8"))).isFalse();
        assertThat(isUtf8(value("json_latin1_text"))).isFalse();
        assertThat(isUtf8(value("json_utf16"))).isFalse();
        assertThat(isUtf8(value("csv_invalid_utf8"))).isFalse();
        assertThat(value("json_bom_prefixed")).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(isUtf8(value("json_bom_prefixed"))).isTrue();
    }

    @Test
    void avroCasesBreakTheWireFormatWhereTheirNamesSay() {
        byte[] good = value("avro_valid_control");
        assertThat(good[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(WireFormat.schemaId(good)).isEqualTo(SCHEMA_ID);
        assertThat(WireFormat.decode(good, QaZone.AVRO_WRITER_SCHEMA).toString()).contains("avro_valid_control");
        assertThat(value("avro_bad_magic_byte")[0]).isEqualTo((byte) 7);
        assertThat(ByteBuffer.wrap(value("avro_unknown_schema_id")).getInt(1)).isEqualTo(BadInputCorpus.UNKNOWN_SCHEMA_ID);
        assertThat(value("avro_truncated_body")).hasSizeLessThan(good.length);
        assertThat(value("avro_header_only")).hasSize(WireFormat.HEADER_SIZE);
    }

    @Test
    void csvCasesCarryTheHeaderLine() {
        assertThat(cases.stream().filter(c -> c.channel() == Channel.CSV))
                .allSatisfy(c -> assertThat(((LandingInput) c.input()).headers()).containsEntry("tributary.csv.header", QaZone.CSV_HEADER));
    }

    @Test
    void theOversizedBodyIsAboveTheIngestLimit() {
        assertThat(((CorpusCase.HttpInput) byName.get("http_body_too_large").input()).body().length).isGreaterThan(8 * 1024 * 1024);
    }

    @Test
    void theBadCellWorkbookDiffersFromTheControlOnlyInItsSharedStrings() {
        byte[] control = ((CorpusCase.FileInput) byName.get("xlsx_valid_control").input()).content();
        byte[] bad = ((CorpusCase.FileInput) byName.get("xlsx_bad_cell").input()).content();
        assertThat(new String(bad, StandardCharsets.ISO_8859_1)).doesNotContain("TRAINING");
        assertThat(control).isNotEqualTo(bad);
    }

    @Test
    void theBadRowCsvFileDiffersFromTheControlInOneCellOfItsSecondRow() {
        String[] control = new String(((CorpusCase.FileInput) byName.get("csv_file_valid_control").input()).content(), StandardCharsets.UTF_8)
                .split("\r\n");
        String[] bad = new String(((CorpusCase.FileInput) byName.get("csv_file_bad_row").input()).content(), StandardCharsets.UTF_8)
                .split("\r\n");
        assertThat(bad).hasSize(4).hasSameSizeAs(control);
        assertThat(bad[0]).isEqualTo(control[0]).startsWith("expense_id,");
        assertThat(bad[2].split(",")[5]).isEqualTo("TRAINEE");
        assertThat(control[2].split(",")[5]).isEqualTo("MEALS");
        assertThat(byName.get("csv_file_bad_row").expected().outcome()).isEqualTo(CorpusCase.Outcome.BATCH_REJECTED);
        assertThat(((CorpusCase.FileInput) byName.get("csv_file_bad_row").input()).fileName()).endsWith(".csv");
    }

    private byte[] value(String name) {
        return ((LandingInput) byName.get(name).input()).value();
    }

    private static boolean parses(ObjectMapper mapper, byte[] bytes) {
        try {
            mapper.readTree(bytes);
            return mapper.readerFor(Object.class).with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(bytes) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
