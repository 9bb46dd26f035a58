package io.tributary.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.tributary.model.Coercion;
import io.tributary.model.CsvOptions;
import io.tributary.model.DatasetSpec;
import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.ShopFixtures;

/** CSV rows: RFC 4180 quoting, the header, the dialect, column counts, and cells typed by the schema. */
class CsvLandingParserTest {
    private static final String HEADER = "refund_id;amount;approved;reason;refunded_at;note;customer.id;customer.city;tags";
    /** The shop's refunds: ';', null token NULL, lenient, Europe/Brussels. */
    private final DatasetSpec refunds = ShopFixtures.dataset("refunds");
    private final LandingParser lenient = LandingParsers.forDataset(refunds, refunds.schema(), id -> java.util.Optional.empty(), 64);
    private final LandingParser strict = new CsvLandingParser(new JsonToAvroConverter(refunds.schema(),
            new ConversionOptions(Coercion.STRICT, ZoneOffset.UTC, true)), new CsvOptions(',', "", List.of()));

    @Test
    void aRowBecomesARecordTypedByTheSchema() {
        GenericRecord r = valid(lenient, "r-1;12.5;yes;late;2024-05-01T12:00:00;\"said \"\"sorry\"\"; twice\";42;Ghent;[\"a\",\"b\"]");
        assertThat(r.get("refund_id").toString()).isEqualTo("r-1");
        assertThat(r.get("amount")).isEqualTo(12.5d);
        assertThat(r.get("approved")).isEqualTo(true);
        assertThat(r.get("reason").toString()).isEqualTo("LATE");
        assertThat(r.get("refunded_at")).as("no offset: Europe/Brussels").isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
        assertThat(r.get("note").toString()).isEqualTo("said \"sorry\"; twice");
        GenericRecord customer = (GenericRecord) r.get("customer");
        assertThat(customer.get("id")).isEqualTo(42L);
        assertThat(customer.get("city").toString()).isEqualTo("Ghent");
        assertThat(r.get("tags")).asList().extracting(Object::toString).containsExactly("a", "b");
    }

    @Test
    void quotedCellsMayHoldLineBreaksAndTheNullTokenMakesNull() {
        GenericRecord r = valid(lenient, "r-2;1;no;OTHER;2024-05-01T12:00:00Z;\"line one\nline two\";NULL;NULL;[]");
        assertThat(r.get("note").toString()).isEqualTo("line one\nline two");
        assertThat(r.get("customer")).as("a nested record whose cells are all null is null").isNull();
    }

    @Test
    void withoutAHeaderTheColumnsAreTheSchemasFieldsInOrder() {
        GenericRecord r = valid(strict, null, "r-3,2.25,false,DAMAGED,2024-05-01T10:00:00Z,,,[]");
        assertThat(r.get("amount")).isEqualTo(2.25d);
        assertThat(r.get("note")).isNull();
        assertThat(r.get("customer")).isNull();
        GenericRecord nested = valid(strict, null, "r-3,2.25,false,DAMAGED,2024-05-01T10:00:00Z,,\"{\"\"id\"\": 7}\",[]");
        assertThat(((GenericRecord) nested.get("customer")).get("id")).as("a record cell holds JSON text").isEqualTo(7L);
    }

    @Test
    void strictCsvTakesOnlyCanonicalSpellings() {
        ValidationOutcome.Rejected r = rejected(strict, null, "r-4,2.25,yes,DAMAGED,2024-05-01T10:00:00Z,,,[]");
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(r.fieldPath()).isEqualTo("approved");
        assertThat(r.message()).contains("true or false");
        assertThat(rejected(strict, null, "r-4,2.25,true,damaged,2024-05-01T10:00:00Z,,,[]").fieldPath()).isEqualTo("reason");
        assertThat(rejected(strict, null, "r-4,2.25,true,DAMAGED,2024-05-01T10:00:00,,,[]").message()).contains("no UTC offset");
        assertThat(rejected(strict, null, "r-4,twelve,true,DAMAGED,2024-05-01T10:00:00Z,,,[]").message())
                .isEqualTo("string \"twelve\" is not a number");
    }

    @Test
    void rowsWithTooManyOrTooFewColumnsAreRejected() {
        ValidationOutcome.Rejected few = rejected(lenient, "r-5;1;yes");
        assertThat(few.reason()).isEqualTo(RejectReason.COLUMN_COUNT);
        assertThat(few.message()).startsWith("the row has 3 columns, the header names 9 [refund_id, amount");
        assertThat(rejected(lenient, "r-5;1;yes;late;2024-05-01T12:00:00;x;1;y;[];extra").reason()).isEqualTo(RejectReason.COLUMN_COUNT);
    }

    @Test
    void malformedCsvAndMoreThanOneRowAreNotCsv() {
        ValidationOutcome.Rejected open = rejected(lenient, "r-6;\"unterminated;1");
        assertThat(open.reason()).isEqualTo(RejectReason.NOT_CSV);
        ValidationOutcome.Rejected two = rejected(lenient, "r-7;1;yes;late;2024-05-01T12:00:00;x;1;y;[]\nr-8;1;yes;late;2024-05-01T12:00:00;x;1;y;[]");
        assertThat(two.reason()).isEqualTo(RejectReason.NOT_CSV);
        assertThat(two.message()).contains("more than one CSV row");
    }

    @Test
    void bytesThatAreNotUtf8AreNotUtf8() {
        byte[] latin1 = "r-9;1;yes;late;2024-05-01T12:00:00;caf\u00e9;1;y;[]".getBytes(StandardCharsets.ISO_8859_1);
        ValidationOutcome outcome = lenient.parse(latin1, headers(HEADER));
        assertThat(((ValidationOutcome.Rejected) outcome).reason()).isEqualTo(RejectReason.NOT_UTF8);
    }

    @Test
    void aJsonCellThatIsNotJsonIsABadValue() {
        ValidationOutcome.Rejected r = rejected(lenient, "r-10;1;yes;late;2024-05-01T12:00:00;x;1;y;[unclosed");
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(r.fieldPath()).isEqualTo("tags");
    }

    private GenericRecord valid(LandingParser parser, String row) {
        return valid(parser, HEADER, row);
    }

    private static GenericRecord valid(LandingParser parser, String header, String row) {
        ValidationOutcome outcome = parser.parse(row.getBytes(StandardCharsets.UTF_8), headers(header));
        assertThat(outcome).as("outcome of %s", row).isInstanceOf(ValidationOutcome.Valid.class);
        return ((ValidationOutcome.Valid) outcome).record();
    }

    private ValidationOutcome.Rejected rejected(LandingParser parser, String row) {
        return rejected(parser, HEADER, row);
    }

    private static ValidationOutcome.Rejected rejected(LandingParser parser, String header, String row) {
        ValidationOutcome outcome = parser.parse(row.getBytes(StandardCharsets.UTF_8), headers(header));
        assertThat(outcome).as("outcome of %s", row).isInstanceOf(ValidationOutcome.Rejected.class);
        return (ValidationOutcome.Rejected) outcome;
    }

    private static Headers headers(String header) {
        RecordHeaders headers = new RecordHeaders();
        if (header != null) {
            headers.add(RejectHeaderNames.CSV_HEADER, header.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
