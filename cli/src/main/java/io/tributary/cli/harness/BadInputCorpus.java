package io.tributary.cli.harness;

import static io.tributary.cli.harness.CorpusCase.Expected.accepted;
import static io.tributary.cli.harness.CorpusCase.Expected.acceptedOverHttp;
import static io.tributary.cli.harness.CorpusCase.Expected.batchRejected;
import static io.tributary.cli.harness.CorpusCase.Expected.fileRejected;
import static io.tributary.cli.harness.CorpusCase.Expected.refused;
import static io.tributary.cli.harness.CorpusCase.Expected.rejected;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.tributary.cli.harness.CorpusCase.Channel;
import io.tributary.cli.harness.CorpusCase.Expected;
import io.tributary.cli.harness.CorpusCase.FileInput;
import io.tributary.cli.harness.CorpusCase.HttpInput;
import io.tributary.cli.harness.CorpusCase.LandingInput;
import io.tributary.model.RejectHeaderNames;
import io.tributary.registry.client.WireFormat;

/**
 * The bad-input corpus: every kind of malformed input the platform must refuse or reject with the
 * right reason, across JSON, CSV and Avro landing records, HTTP requests, spreadsheets and CSV files, plus a
 * well-formed control per channel. Each case's id field is the case's name, so a case is
 * recognisable wherever it ends up. Expected outcomes follow docs/stream-processors.md (reason
 * codes), docs/ingest.md (HTTP status) and docs/ingress.md (file reasons).
 */
public final class BadInputCorpus {
    /** A schema id no registry hands out in a test run. */
    static final int UNKNOWN_SCHEMA_ID = 987_654;

    private final int avroSchemaId;
    private final byte[] exampleWorkbook;
    private final List<CorpusCase> cases = new ArrayList<>();

    /**
     * @param avroSchemaId    the registry id of {@link QaZone#AVRO_WRITER_SCHEMA}
     * @param exampleWorkbook a well-formed expense workbook (examples/zones/finance/expense-reports.xlsx)
     */
    public BadInputCorpus(int avroSchemaId, byte[] exampleWorkbook) {
        this.avroSchemaId = avroSchemaId;
        this.exampleWorkbook = exampleWorkbook.clone();
        jsonCases();
        csvCases();
        avroCases();
        httpCases();
        batchCases();
        excelCases();
        csvFileCases();
    }

    public List<CorpusCase> cases() {
        return List.copyOf(cases);
    }

    private void jsonCases() {
        json("json_valid_control", "a well-formed record", valid("json_valid_control"), accepted());
        json("json_bom_prefixed", "a UTF-8 byte-order mark before the object (allowed)",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid("json_bom_prefixed")), accepted());
        json("json_unknown_extra_field", "a field the schema does not declare (ignored)",
                replace(valid("json_unknown_extra_field"), "\"note\"", "\"colour\":\"red\",\"note\""), accepted());
        json("json_escaped_control_chars", "control characters escaped in a string (legal JSON)",
                replace(valid("json_escaped_control_chars"), "\"x\"", "\"tab\\there\\u0001bell\\u0007\""), accepted());
        json("json_large_string", "a 400 KB string field, under the size limit",
                replace(valid("json_large_string"), "\"x\"", "\"" + "y".repeat(400_000) + "\""), accepted());
        json("json_null_value", "a record without value (a tombstone)", null, rejected("EMPTY_RECORD"));
        json("json_empty_value", "zero bytes", new byte[0], rejected("EMPTY_RECORD"));
        json("json_whitespace_only", "only blanks and line breaks", utf8("  \n\t "), rejected("EMPTY_RECORD"));
        json("json_truncated", "the object cut off mid-way", Arrays.copyOf(valid("json_truncated"), 25), rejected("NOT_JSON"));
        json("json_trailing_garbage", "text after the object", concat(valid("json_trailing_garbage"), utf8(" garbage")), rejected("NOT_JSON"));
        json("json_two_documents", "two objects in one record",
                concat(valid("json_two_documents"), valid("json_two_documents")), rejected("NOT_JSON"));
        json("json_duplicate_key", "the same field twice",
                replace(valid("json_duplicate_key"), "\"count\":3", "\"count\":3,\"count\":4"), rejected("NOT_JSON"));
        json("json_raw_control_char", "an unescaped control character inside a string",
                replace(valid("json_raw_control_char"), "\"x\"", "\"a\u0001b\""), rejected("NOT_JSON"));
        json("json_single_quotes", "JavaScript-style single quotes", utf8("{'id':'json_single_quotes'}"), rejected("NOT_JSON"));
        json("json_array_not_object", "an array of objects", concat(utf8("["), valid("json_array_not_object"), utf8("]")),
                rejected("NOT_AN_OBJECT"));
        json("json_scalar", "a bare number", utf8("42"), rejected("NOT_AN_OBJECT"));
        json("json_invalid_utf8", "a byte sequence that is not UTF-8 inside a string",
                replace(valid("json_invalid_utf8"), "\"x\"", new String(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}, StandardCharsets.ISO_8859_1)),
                rejected("NOT_UTF8"));
        json("json_latin1_text", "Latin-1 encoded accents (not UTF-8)",
                replace(valid("json_latin1_text"), "\"x\"", new String(new byte[] {'"', 'c', 'a', 'f', (byte) 0xE9, '"'}, StandardCharsets.ISO_8859_1)),
                rejected("NOT_UTF8"));
        json("json_utf16", "the record encoded as UTF-16", new String(valid("json_utf16"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16),
                rejected("NOT_UTF8"));
        json("json_too_deep", "an ignored field nested 100 levels deep",
                replace(valid("json_too_deep"), "\"note\"", "\"deep\":" + "[".repeat(100) + "]".repeat(100) + ",\"note\""), rejected("TOO_DEEP"));
        json("json_missing_required", "a required field absent", remove(valid("json_missing_required"), "\"count\":3,"),
                rejected("MISSING_FIELD", "count"));
        json("json_null_required", "a required field null", replace(valid("json_null_required"), "\"count\":3", "\"count\":null"),
                rejected("MISSING_FIELD", "count"));
        json("json_missing_key_field", "the key field absent", remove(valid("json_missing_key_field"), "\"id\":\"json_missing_key_field\","),
                rejected("MISSING_FIELD", "id"));
        json("json_object_for_int", "an object where a number belongs",
                replace(valid("json_object_for_int"), "\"count\":3", "\"count\":{\"n\":3}"), rejected("WRONG_TYPE", "count"));
        json("json_fraction_for_int", "a fraction where a whole number belongs",
                replace(valid("json_fraction_for_int"), "\"count\":3", "\"count\":2.5"), rejected("WRONG_TYPE", "count"));
        json("json_int_out_of_range", "2^31 for an int", replace(valid("json_int_out_of_range"), "\"count\":3", "\"count\":2147483648"),
                rejected("OUT_OF_RANGE", "count"));
        json("json_unknown_enum_symbol", "a symbol the enum does not have",
                replace(valid("json_unknown_enum_symbol"), "\"kind\":\"A\"", "\"kind\":\"Z\""), rejected("BAD_VALUE", "kind"));
        json("json_bad_timestamp", "a timestamp that is no date",
                replace(valid("json_bad_timestamp"), "2024-05-01T10:00:00Z", "yesterday"), rejected("BAD_VALUE", "at"));
        json("json_timestamp_without_offset", "a local time where strict coercion wants an offset",
                replace(valid("json_timestamp_without_offset"), "2024-05-01T10:00:00Z", "2024-05-01T10:00:00"), rejected("BAD_VALUE", "at"));
        json("json_decimal_too_many_places", "more decimal places than the scale",
                replace(valid("json_decimal_too_many_places"), "\"12.50\"", "\"12.505\""), rejected("BAD_VALUE", "amount"));
        json("json_decimal_too_large", "more integer digits than the precision allows",
                replace(valid("json_decimal_too_large"), "\"12.50\"", "\"123456789.00\""), rejected("OUT_OF_RANGE", "amount"));
    }

    private void csvCases() {
        csv("csv_valid_control", "a well-formed row", "csv_valid_control,12.50,3,A,2024-05-01T10:00:00Z,", accepted());
        csv("csv_quoted_delimiter_and_newline", "a quoted cell holding a comma, a line break and a doubled quote",
                "csv_quoted_delimiter_and_newline,12.50,3,A,2024-05-01T10:00:00Z,\"a, b\nsaid \"\"hi\"\"\"", accepted());
        csv("csv_unterminated_quote", "a quote never closed", "csv_unterminated_quote,12.50,3,A,2024-05-01T10:00:00Z,\"open", rejected("NOT_CSV"));
        csv("csv_two_rows", "a line break outside quotes",
                "csv_two_rows,12.50,3,A,2024-05-01T10:00:00Z,\ncsv_two_rows_b,1.00,1,B,2024-05-01T10:00:00Z,", rejected("NOT_CSV"));
        csv("csv_too_few_columns", "fewer cells than the header names", "csv_too_few_columns,12.50,3", rejected("COLUMN_COUNT"));
        csv("csv_too_many_columns", "more cells than the header names", "csv_too_many_columns,12.50,3,A,2024-05-01T10:00:00Z,,extra",
                rejected("COLUMN_COUNT"));
        csv("csv_text_for_int", "a word where a number belongs", "csv_text_for_int,12.50,three,A,2024-05-01T10:00:00Z,",
                rejected("BAD_VALUE", "count"));
        csv("csv_lowercase_enum", "an enum symbol in the wrong case (strict)", "csv_lowercase_enum,12.50,3,a,2024-05-01T10:00:00Z,",
                rejected("BAD_VALUE", "kind"));
        landing("csv_invalid_utf8", Channel.CSV, QaZone.CSV, "a cell with bytes that are not UTF-8",
                concat(utf8("csv_invalid_utf8,12.50,3,A,2024-05-01T10:00:00Z,caf"), new byte[] {(byte) 0xE9}),
                Map.of(RejectHeaderNames.CSV_HEADER, QaZone.CSV_HEADER), rejected("NOT_UTF8"));
    }

    private void avroCases() {
        byte[] good = avro("avro_valid_control");
        avroCase("avro_valid_control", "a well-formed wire-format record with a registered writer schema", good, accepted());
        byte[] badMagic = avro("avro_bad_magic_byte");
        badMagic[0] = 7;
        avroCase("avro_bad_magic_byte", "first byte 7 instead of 0", badMagic, rejected("BAD_MAGIC_BYTE"));
        byte[] unknownId = avro("avro_unknown_schema_id");
        ByteBuffer.wrap(unknownId).putInt(1, UNKNOWN_SCHEMA_ID);
        avroCase("avro_unknown_schema_id", "a writer schema id the registry does not know", unknownId, rejected("UNKNOWN_SCHEMA_ID"));
        byte[] truncated = avro("avro_truncated_body");
        avroCase("avro_truncated_body", "the Avro body cut off", Arrays.copyOf(truncated, truncated.length - 12), rejected("NOT_AVRO"));
        avroCase("avro_trailing_bytes", "bytes after the Avro body", concat(avro("avro_trailing_bytes"), new byte[] {1, 2, 3}),
                rejected("NOT_AVRO"));
        avroCase("avro_header_only", "the five header bytes and no body", Arrays.copyOf(avro("avro_header_only"), WireFormat.HEADER_SIZE),
                rejected("NOT_AVRO"));
        avroCase("avro_json_instead", "JSON sent to an Avro dataset (first byte '{')", valid("avro_json_instead"), rejected("BAD_MAGIC_BYTE"));
        GenericRecord badKind = record("avro_unknown_enum_symbol");
        badKind.put("kind", "Z");
        avroCase("avro_unknown_enum_symbol", "a valid Avro record whose kind is no symbol of the staging enum",
                WireFormat.encode(avroSchemaId, QaZone.AVRO_WRITER_SCHEMA, badKind), rejected("BAD_VALUE", "kind"));
    }

    private void httpCases() {
        String ndjson = new String(valid("http_valid_ndjson_1"), StandardCharsets.UTF_8) + "\n"
                + new String(valid("http_valid_ndjson_2"), StandardCharsets.UTF_8) + "\n";
        http("http_valid_ndjson_control", "two well-formed NDJSON records", QaZone.JSON, "application/x-ndjson", utf8(ndjson), acceptedOverHttp());
        http("http_wrong_content_type", "text/plain", QaZone.JSON, "text/plain", valid("http_wrong_content_type"), refused(415));
        http("http_no_content_type", "no Content-Type header", QaZone.JSON, null, valid("http_no_content_type"), refused(415));
        http("http_latin1_charset", "a charset other than UTF-8", QaZone.JSON, "application/json; charset=ISO-8859-1",
                valid("http_latin1_charset"), refused(415));
        http("http_bad_json", "a body that is not JSON", QaZone.JSON, "application/json", utf8("{\"id\": \"http_bad_json\", "), refused(400));
        http("http_ndjson_line_not_object", "an NDJSON line that is an array", QaZone.JSON, "application/x-ndjson",
                utf8(new String(valid("http_ndjson_line_not_object"), StandardCharsets.UTF_8) + "\n[1,2]\n"), refused(400));
        http("http_empty_body", "no record at all", QaZone.JSON, "application/json", new byte[0], refused(400));
        http("http_invalid_utf8_body", "a body that is not UTF-8", QaZone.JSON, "application/json",
                replace(valid("http_invalid_utf8_body"), "\"x\"", new String(new byte[] {'"', (byte) 0xFF, '"'}, StandardCharsets.ISO_8859_1)),
                refused(400));
        http("http_csv_unclosed_quote", "a CSV body with an unclosed quote", QaZone.CSV, "text/csv",
                utf8(QaZone.CSV_HEADER + "\nhttp_csv_unclosed_quote,12.50,3,A,2024-05-01T10:00:00Z,\"open\n"), refused(400));
        http("http_body_too_large", "9 MB, above the 8 MB limit", QaZone.JSON, "application/json",
                utf8("{\"id\":\"http_body_too_large\",\"note\":\"" + "z".repeat(9 * 1024 * 1024) + "\"}"), refused(413));
        cases.add(new CorpusCase("http_unknown_dataset", Channel.HTTP, "nosuch", "a dataset the zone does not have",
                refused(404), new HttpInput(QaZone.ZONE, "nosuch", "application/json", valid("http_unknown_dataset"))));
        cases.add(new CorpusCase("http_unknown_zone", Channel.HTTP, QaZone.JSON, "a zone no descriptor declares",
                refused(404), new HttpInput("nosuchzone", QaZone.JSON, "application/json", valid("http_unknown_zone"))));
    }

    /** Batch-mode records written straight to landing, as the ingest service and the ingress source write them (no key) and keyed. */
    private void batchCases() {
        byte[] claim = utf8("{\"expense_id\":\"batch-claim\",\"employee_id\":\"E10001\",\"department\":\"sales\",\"amount\":\"12.50\","
                + "\"currency\":\"EUR\",\"category\":\"MEALS\",\"submitted_at\":\"2024-05-01T10:00:00Z\",\"description\":null}");
        cases.add(new CorpusCase("batch_of_one_keyed", Channel.JSON, QaZone.SHEETS, "a keyed batch of one record, end marker 1",
                accepted(), new LandingInput(claim, Map.of(RejectHeaderNames.BATCH_ID, "corpus-keyed", RejectHeaderNames.BATCH_END, "1"), true)));
        cases.add(new CorpusCase("batch_of_one_unkeyed", Channel.JSON, QaZone.SHEETS, "the same batch of one without a record key",
                accepted(), new LandingInput(claim, Map.of(RejectHeaderNames.BATCH_ID, "corpus-unkeyed", RejectHeaderNames.BATCH_END, "1"), false)));
        cases.add(new CorpusCase("batch_record_without_batch_id", Channel.JSON, QaZone.SHEETS, "a record of a batch dataset without tributary.batch.id",
                rejected("MISSING_BATCH_ID"), new LandingInput(claim, Map.of(), true)));
        cases.add(new CorpusCase("batch_end_not_a_count", Channel.JSON, QaZone.SHEETS, "an end marker that is not a number",
                rejected("BAD_VALUE", RejectHeaderNames.BATCH_END),
                new LandingInput(claim, Map.of(RejectHeaderNames.BATCH_ID, "corpus-bad-end", RejectHeaderNames.BATCH_END, "many"), true)));
    }

    private void excelCases() {
        file("xlsx_valid_control", "a well-formed expense workbook", "valid.xlsx", exampleWorkbook, accepted());
        file("xlsx_bad_cell", "one row's category is no symbol of the enum: the whole workbook is rejected", "bad-cell.xlsx",
                Workbooks.replaceSharedString(exampleWorkbook, "TRAINING", "TRAINEE"), batchRejected("BAD_VALUE"));
        file("xlsx_truncated", "the workbook cut in half", "truncated.xlsx",
                Arrays.copyOf(exampleWorkbook, exampleWorkbook.length / 2), fileRejected("CORRUPT_FILE"));
        file("xlsx_not_a_zip", "text saved with an .xlsx name", "not-a-workbook.xlsx", utf8("expense_id,amount\nE1,12.50\n"),
                fileRejected("CORRUPT_FILE"));
        file("xls_legacy_extension", "a workbook with the legacy .xls extension", "legacy.xls", exampleWorkbook,
                fileRejected("UNSUPPORTED_FORMAT"));
    }

    /** CSV files dropped in the ingress bucket: each file is one batch, so one bad row rejects every row of it. */
    private void csvFileCases() {
        file("csv_file_valid_control", Channel.CSV_FILE, "a well-formed CSV file of three expense claims", "valid.csv",
                expenseCsv("csv-ok", "MEALS"), accepted());
        file("csv_file_bad_row", Channel.CSV_FILE, "the second of three rows has a category that is no symbol of the enum:"
                + " the whole file is rejected", "bad-row.csv", expenseCsv("csv-bad", "TRAINEE"), batchRejected("BAD_VALUE"));
    }

    /** Three expense claims as a CSV file with a header line; the second row's category is {@code middleCategory}. */
    static byte[] expenseCsv(String idPrefix, String middleCategory) {
        return utf8("expense_id,employee_id,department,amount,currency,category,submitted_at,description\r\n"
                + idPrefix + "-1,E10001,sales,12.50,EUR,MEALS,2024-05-01T10:00:00Z,\"lunch, client\"\r\n"
                + idPrefix + "-2,E10002,finance,80.00,EUR," + middleCategory + ",2024-05-02T09:30:00Z,\r\n"
                + idPrefix + "-3,E10003,sales,7.20,GBP,TRAVEL,2024-05-03T18:05:00Z,taxi\r\n");
    }

    /** A well-formed qa event as JSON whose id is {@code id}; cases derive their defects from it by text edits. */
    static byte[] valid(String id) {
        return utf8("{\"id\":\"" + id + "\",\"amount\":\"12.50\",\"count\":3,\"kind\":\"A\",\"at\":\"2024-05-01T10:00:00Z\",\"note\":\"x\"}");
    }

    private GenericRecord record(String id) {
        GenericRecord r = new GenericData.Record(QaZone.AVRO_WRITER_SCHEMA);
        r.put("id", id);
        r.put("amount", "12.50");
        r.put("count", 3);
        r.put("kind", "A");
        r.put("at", 1_714_557_600_000L);
        r.put("note", "x");
        return r;
    }

    private byte[] avro(String id) {
        return WireFormat.encode(avroSchemaId, QaZone.AVRO_WRITER_SCHEMA, record(id));
    }

    private void json(String name, String description, byte[] value, Expected expected) {
        landing(name, Channel.JSON, QaZone.JSON, description, value, Map.of(), expected);
    }

    private void csv(String name, String description, String row, Expected expected) {
        landing(name, Channel.CSV, QaZone.CSV, description, utf8(row), Map.of(RejectHeaderNames.CSV_HEADER, QaZone.CSV_HEADER), expected);
    }

    private void avroCase(String name, String description, byte[] value, Expected expected) {
        landing(name, Channel.AVRO, QaZone.AVRO, description, value, Map.of(), expected);
    }

    private void landing(String name, Channel channel, String dataset, String description, byte[] value, Map<String, String> headers,
            Expected expected) {
        cases.add(new CorpusCase(name, channel, dataset, description, expected, new LandingInput(value, headers)));
    }

    private void http(String name, String description, String dataset, String contentType, byte[] body, Expected expected) {
        cases.add(new CorpusCase(name, Channel.HTTP, dataset, description, expected, new HttpInput(QaZone.ZONE, dataset, contentType, body)));
    }

    private void file(String name, String description, String fileName, byte[] content, Expected expected) {
        file(name, Channel.EXCEL, description, fileName, content, expected);
    }

    private void file(String name, Channel channel, String description, String fileName, byte[] content, Expected expected) {
        cases.add(new CorpusCase(name, channel, QaZone.SHEETS, description, expected, new FileInput(fileName, content)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces text in a UTF-8 record; the replacement is taken byte for byte (ISO-8859-1), so it may hold invalid UTF-8. */
    private static byte[] replace(byte[] value, String target, String replacement) {
        String text = new String(value, StandardCharsets.UTF_8);
        int at = text.indexOf(target);
        if (at < 0) {
            throw new IllegalArgumentException("corpus template has no " + target);
        }
        byte[] before = utf8(text.substring(0, at));
        byte[] after = utf8(text.substring(at + target.length()));
        byte[] middle = replacement.chars().allMatch(c -> c < 0x80) ? utf8(replacement) : replacement.getBytes(StandardCharsets.ISO_8859_1);
        return concat(before, middle, after);
    }

    private static byte[] remove(byte[] value, String target) {
        return replace(value, target, "");
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.array();
    }
}
