package io.tributary.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.connect.source.support.TestFiles;
import io.tributary.model.RejectHeaderNames;

class FileReadersTest {
    /** Reads numbers exactly, as the validator does. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final ReaderSettings JSON_CSV = ReaderSettings.DEFAULTS;

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> readJson(FileFormat format, Path file, ReaderSettings settings) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (RowReader reader = RowReaders.open(format, file, settings)) {
            FileRow row;
            while ((row = reader.next()) != null) {
                assertThat(row.number()).isEqualTo(rows.size() + 1);
                rows.add(JSON.readTree(row.value()));
            }
        }
        return rows;
    }

    private static BadFileException rejection(FileFormat format, Path file, ReaderSettings settings) {
        try {
            RowReaders.countRows(format, file, settings);
        } catch (BadFileException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(file + " was read without a problem");
    }

    @Test
    void csvRowsBecomeJsonObjectsWithEmptyCellsNull() throws Exception {
        Path csv = file("a.csv", "\uFEFFid,text,amount\r\n1,\"taxi, airport\",12.50\r\n2,\"two\nlines \"\"quoted\"\"\",\r\n\r\n3,,7\r\n");
        List<JsonNode> rows = readJson(FileFormat.CSV, csv, JSON_CSV);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toString()).isEqualTo("{\"id\":\"1\",\"text\":\"taxi, airport\",\"amount\":\"12.50\"}");
        assertThat(rows.get(1).get("text").asText()).isEqualTo("two\nlines \"quoted\"");
        assertThat(rows.get(1).get("amount").isNull()).isTrue();
        assertThat(rows.get(2).get("text").isNull()).isTrue();
        assertThat(RowReaders.countRows(FileFormat.CSV, csv, JSON_CSV)).isEqualTo(3);
    }

    @Test
    void rawCsvKeepsTheRowAsCsvTextAndTheHeaderLineInAHeader() throws Exception {
        Path csv = file("a.csv", "id;text\n1;\"a;b\"\n2;plain\n");
        try (RowReader reader = RowReaders.open(FileFormat.CSV, csv, new ReaderSettings(true, ';', ""))) {
            assertThat(reader.recordHeaders()).containsEntry(RejectHeaderNames.CSV_HEADER, "id;text");
            assertThat(new String(reader.next().value(), StandardCharsets.UTF_8)).isEqualTo("1;\"a;b\"");
            FileRow second = reader.next();
            assertThat(new String(second.value(), StandardCharsets.UTF_8)).isEqualTo("2;plain");
            assertThat(second.where()).contains("line 3");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void badCsvFilesAreRejectedWithReasonAndPlace() throws Exception {
        BadFileException extraCell = rejection(FileFormat.CSV, file("x.csv", "a,b\n1,2\n3,4,5\n"), JSON_CSV);
        assertThat(extraCell.reason()).isEqualTo(BadFileReason.BAD_ROW);
        assertThat(extraCell.row()).isEqualTo(2);
        assertThat(extraCell.getMessage()).contains("line 3").contains("3 cell(s)").contains("2 column(s)");

        BadFileException truncated = rejection(FileFormat.CSV, file("t.csv", "a,b\n1,\"unfinished\n"), JSON_CSV);
        assertThat(truncated.reason()).isEqualTo(BadFileReason.TRUNCATED_FILE);

        byte[] latin1 = "name,city\nJos\u00e9,K\u00f8benhavn\n".getBytes(StandardCharsets.ISO_8859_1);
        BadFileException encoding = rejection(FileFormat.CSV, file("l.csv", latin1), JSON_CSV);
        assertThat(encoding.reason()).isEqualTo(BadFileReason.WRONG_ENCODING);
        assertThat(encoding.getMessage()).contains("not UTF-8");

        byte[] utf16 = "\uFEFFa,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE);
        utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, Arrays.copyOfRange(utf16, 2, utf16.length));
        BadFileException wide = rejection(FileFormat.CSV, file("w.csv", utf16), JSON_CSV);
        assertThat(wide.reason()).isEqualTo(BadFileReason.WRONG_ENCODING);
        assertThat(wide.getMessage()).contains("UTF-16LE");

        assertThat(rejection(FileFormat.CSV, file("e.csv", ""), JSON_CSV).reason()).isEqualTo(BadFileReason.EMPTY_FILE);
        assertThat(rejection(FileFormat.CSV, file("h.csv", "a,b\n"), JSON_CSV).reason()).isEqualTo(BadFileReason.EMPTY_FILE);
        BadFileException duplicate = rejection(FileFormat.CSV, file("d.csv", "a,b,a\n1,2,3\n"), JSON_CSV);
        assertThat(duplicate.reason()).isEqualTo(BadFileReason.BAD_HEADER);
    }

    @Test
    void jsonLinesAreLandedAsWrittenWithExactNumbers() throws Exception {
        Path jsonl = file("a.jsonl", "{\"id\":1,\"amount\":12.50,\"big\":123456789012345678901234567890.123}\n\n"
                + "{\"id\":2,\"nested\":{\"a\":[1,2]},\"none\":null}\n");
        List<JsonNode> rows = readJson(FileFormat.JSON_LINES, jsonl, JSON_CSV);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(rows.get(0).get("big").decimalValue().toPlainString()).isEqualTo("123456789012345678901234567890.123");
        assertThat(rows.get(1).get("nested").get("a").get(1).asInt()).isEqualTo(2);
    }

    @Test
    void badJsonLinesAreRejectedWithTheLine() throws Exception {
        BadFileException array = rejection(FileFormat.JSON_LINES, file("a.jsonl", "{\"id\":1}\n[1,2]\n"), JSON_CSV);
        assertThat(array.reason()).isEqualTo(BadFileReason.BAD_ROW);
        assertThat(array.getMessage()).contains("line 2").contains("not a JSON object");

        BadFileException invalid = rejection(FileFormat.JSON_LINES, file("b.jsonl", "{\"id\":1}\n{\"id\":2,}\n"), JSON_CSV);
        assertThat(invalid.reason()).isEqualTo(BadFileReason.BAD_ROW);
        assertThat(invalid.getMessage()).contains("line 2");

        BadFileException truncated = rejection(FileFormat.JSON_LINES, file("c.jsonl", "{\"id\":1}\n{\"id\":2,\"text\":\"cut"), JSON_CSV);
        assertThat(truncated.reason()).isEqualTo(BadFileReason.TRUNCATED_FILE);

        BadFileException duplicate = rejection(FileFormat.JSON_LINES, file("d.jsonl", "{\"id\":1,\"id\":2}\n"), JSON_CSV);
        assertThat(duplicate.reason()).isEqualTo(BadFileReason.BAD_ROW);
        assertThat(duplicate.getMessage()).contains("Duplicate field 'id'");

        assertThat(rejection(FileFormat.JSON_LINES, file("e.jsonl", "\n\n"), JSON_CSV).reason()).isEqualTo(BadFileReason.EMPTY_FILE);
    }

    @Test
    void workbookRowsHaveCachedFormulaValuesIsoDatesAndNullsForEmptyCells() throws Exception {
        Path xlsx = file("claims.xlsx", TestFiles.expenseWorkbook(4));
        List<JsonNode> rows = readJson(FileFormat.XLSX, xlsx, new ReaderSettings(false, ',', "Claims"));
        assertThat(rows).hasSize(4);
        JsonNode first = rows.get(0);
        assertThat(first.get("expense_id").asText()).isEqualTo("E-1");
        assertThat(first.get("amount").isNumber()).isTrue();
        assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("11.25");
        assertThat(first.get("amount_doubled").decimalValue()).isEqualByComparingTo("22.5");
        assertThat(first.get("spent_on").asText()).isEqualTo("2024-05-02");
        assertThat(first.get("submitted_at").asText()).isEqualTo("2024-05-02T09:31");
        assertThat(first.get("approved").isBoolean()).isTrue();
        assertThat(first.get("approved").asBoolean()).isFalse();
        assertThat(first.get("note").asText()).isEqualTo("note 1");
        assertThat(rows.get(1).get("note").isNull()).isTrue();
        assertThat(rows.get(1).get("approved").asBoolean()).isTrue();
        // the blank row after the second is skipped: the third record is E-3
        assertThat(rows.get(2).get("expense_id").asText()).isEqualTo("E-3");
        assertThat(rows.get(3).get("amount_doubled").decimalValue()).isEqualByComparingTo("28.5");
        assertThat(rows.get(0).size()).isEqualTo(8);
    }

    @Test
    void workbookDateTimesCarryTheirOffsetWhenTheTimeZoneIsKnown() throws Exception {
        Path xlsx = file("claims.xlsx", TestFiles.expenseWorkbook(1));
        List<JsonNode> rows = readJson(FileFormat.XLSX, xlsx, new ReaderSettings(false, ',', "Claims",
                java.util.Optional.of(java.time.ZoneId.of("Europe/Brussels"))));
        assertThat(rows.get(0).get("submitted_at").asText()).isEqualTo("2024-05-02T09:31+02:00");
        assertThat(rows.get(0).get("spent_on").asText()).isEqualTo("2024-05-02");
    }

    @Test
    void theFirstSheetIsReadWhenNoneIsNamed() throws Exception {
        Path xlsx = file("claims.xlsx", TestFiles.expenseWorkbook(2));
        // the cover sheet: a header and no rows
        assertThat(rejection(FileFormat.XLSX, xlsx, JSON_CSV).reason()).isEqualTo(BadFileReason.EMPTY_FILE);
        BadFileException missing = rejection(FileFormat.XLSX, xlsx, new ReaderSettings(false, ',', "Nope"));
        assertThat(missing.reason()).isEqualTo(BadFileReason.SHEET_NOT_FOUND);
        assertThat(missing.getMessage()).contains("Cover, Claims");
    }

    @Test
    void badWorkbooksAreRejected() throws Exception {
        ReaderSettings claims = new ReaderSettings(false, ',', "Claims");
        BadFileException encrypted = rejection(FileFormat.XLSX, file("secret.xlsx", TestFiles.encryptedWorkbook()), claims);
        assertThat(encrypted.reason()).isEqualTo(BadFileReason.ENCRYPTED_FILE);
        assertThat(encrypted.getMessage()).contains("password");

        byte[] whole = TestFiles.expenseWorkbook(20);
        BadFileException truncated = rejection(FileFormat.XLSX, file("cut.xlsx", Arrays.copyOf(whole, whole.length / 2)), claims);
        assertThat(truncated.reason()).isEqualTo(BadFileReason.CORRUPT_FILE);

        BadFileException text = rejection(FileFormat.XLSX, file("text.xlsx", "id,amount\n1,2\n"), claims);
        assertThat(text.reason()).isEqualTo(BadFileReason.CORRUPT_FILE);

        assertThat(rejection(FileFormat.XLSX, file("empty.xlsx", new byte[0]), claims).reason()).isEqualTo(BadFileReason.EMPTY_FILE);

        BadFileException error = rejection(FileFormat.XLSX, file("err.xlsx", TestFiles.workbookWithErrorCell()), JSON_CSV);
        assertThat(error.reason()).isEqualTo(BadFileReason.BAD_ROW);
        assertThat(error.field()).isEqualTo("ratio");
        assertThat(error.getMessage()).contains("B2").contains("#DIV/0!");
    }

    @Test
    void parquetRowsBecomeJsonWithLogicalTypesSpelledOut() throws Exception {
        Path parquet = file("p.parquet", TestFiles.expenseParquet(dir, 3));
        List<JsonNode> rows = readJson(FileFormat.PARQUET, parquet, JSON_CSV);
        assertThat(rows).hasSize(3);
        JsonNode first = rows.get(0);
        assertThat(first.get("expense_id").asText()).isEqualTo("P-1");
        assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("13.50");
        assertThat(first.get("amount").toString()).isEqualTo("13.50");
        assertThat(first.get("spent_on").asText()).isEqualTo("2024-05-01");
        assertThat(first.get("submitted_at").asText()).isEqualTo("2024-05-01T10:00:00.001Z");
        assertThat(first.get("note").asText()).isEqualTo("note 1");
        assertThat(rows.get(1).get("note").isNull()).isTrue();
        assertThat(rows.get(2).get("count").asLong()).isEqualTo(3);
    }

    @Test
    void badParquetFilesAreRejected() throws Exception {
        byte[] whole = TestFiles.expenseParquet(dir, 50);
        BadFileException truncated = rejection(FileFormat.PARQUET, file("cut.parquet", Arrays.copyOf(whole, whole.length - 20)), JSON_CSV);
        assertThat(truncated.reason()).isIn(BadFileReason.TRUNCATED_FILE, BadFileReason.CORRUPT_FILE);
        assertThat(rejection(FileFormat.PARQUET, file("x.parquet", "not parquet at all"), JSON_CSV).reason())
                .isIn(BadFileReason.TRUNCATED_FILE, BadFileReason.CORRUPT_FILE);
        assertThat(rejection(FileFormat.PARQUET, file("e.parquet", new byte[0]), JSON_CSV).reason()).isEqualTo(BadFileReason.EMPTY_FILE);
    }

    @Test
    void formatsAreKnownByExtension() {
        assertThat(FileFormat.of("finance/expenses/a.CSV")).contains(FileFormat.CSV);
        assertThat(FileFormat.of("finance/expenses/a.ndjson")).contains(FileFormat.JSON_LINES);
        assertThat(FileFormat.of("finance/expenses/a.xlsx")).contains(FileFormat.XLSX);
        assertThat(FileFormat.of("finance/expenses/a.parquet")).contains(FileFormat.PARQUET);
        assertThat(FileFormat.of("finance/expenses/a.txt")).isEmpty();
        assertThat(FileFormat.unsupported("finance/expenses/old.xls")).contains("save it as .xlsx");
        assertThat(FileFormat.unsupported("finance/expenses/a.txt")).contains(".txt").contains(".parquet");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
