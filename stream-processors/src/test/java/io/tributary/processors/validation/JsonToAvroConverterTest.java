package io.tributary.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;


import io.tributary.processors.ShopFixtures;

/** The type rules of the JSON to Avro conversion, one field type at a time, and every reason code. */
class JsonToAvroConverterTest {
    private static final String DECIMAL_10_2 = "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}";
    private static final String TIMESTAMP_MILLIS = "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";
    private static final String TIMESTAMP_MICROS = "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}";

    @Nested
    class Primitives {
        @Test
        void stringsAreStrings() {
            assertThat(valueOf("\"string\"", "\"héllo\"")).isEqualTo("héllo");
            assertRejected("\"string\"", "42", RejectReason.WRONG_TYPE, "f", "expected string, found number 42");
        }

        @Test
        void intsAreWholeNumbersInRange() {
            assertThat(valueOf("\"int\"", "42")).isEqualTo(42);
            assertThat(valueOf("\"int\"", "-7.0")).isEqualTo(-7);
            assertThat(valueOf("\"int\"", "2.5E1")).isEqualTo(25);
            assertRejected("\"int\"", "3.5", RejectReason.WRONG_TYPE, "f", "expected a whole number (int), found number 3.5");
            assertRejected("\"int\"", "\"42\"", RejectReason.WRONG_TYPE, "f", "expected int, found string \"42\"");
            assertRejected("\"int\"", "2147483648", RejectReason.OUT_OF_RANGE, "f", "number 2147483648 is out of range for int");
            assertRejected("\"int\"", "1e400", RejectReason.OUT_OF_RANGE, "f", "out of range for int");
        }

        @Test
        void longsAreWholeNumbersInRange() {
            assertThat(valueOf("\"long\"", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
            assertThat(valueOf("\"long\"", "0.000")).isEqualTo(0L);
            assertRejected("\"long\"", "9223372036854775808", RejectReason.OUT_OF_RANGE, "f", "out of range for long");
            assertRejected("\"long\"", "1e999999999", RejectReason.OUT_OF_RANGE, "f", "out of range for long");
            assertRejected("\"long\"", "true", RejectReason.WRONG_TYPE, "f", "expected long, found boolean true");
        }

        @Test
        void floatsAndDoublesTakeAnyNumberThatFits() {
            assertThat(valueOf("\"double\"", "1")).isEqualTo(1.0d);
            assertThat(valueOf("\"double\"", "-2.5e-3")).isEqualTo(-0.0025d);
            assertThat(valueOf("\"float\"", "1.5")).isEqualTo(1.5f);
            assertRejected("\"float\"", "1e39", RejectReason.OUT_OF_RANGE, "f", "out of range for float");
            assertRejected("\"double\"", "1e400", RejectReason.OUT_OF_RANGE, "f", "out of range for double");
            assertRejected("\"double\"", "\"1.5\"", RejectReason.WRONG_TYPE, "f", "expected double, found string \"1.5\"");
        }

        @Test
        void booleansAreJsonBooleans() {
            assertThat(valueOf("\"boolean\"", "true")).isEqualTo(true);
            assertRejected("\"boolean\"", "\"true\"", RejectReason.WRONG_TYPE, "f", "expected boolean");
            assertRejected("\"boolean\"", "1", RejectReason.WRONG_TYPE, "f", "expected boolean");
        }

        @Test
        void bytesAreBase64() {
            assertThat(valueOf("\"bytes\"", "\"AQID\"")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertRejected("\"bytes\"", "\"not base64!\"", RejectReason.BAD_VALUE, "f", "is not base64");
            assertRejected("\"bytes\"", "[1,2]", RejectReason.WRONG_TYPE, "f", "expected bytes, found an array of 2");
        }

        @Test
        void fixedIsBase64OfExactlyItsSize() {
            String fixed = "{\"type\":\"fixed\",\"name\":\"Hash\",\"size\":2}";
            assertThat(((GenericData.Fixed) valueOf(fixed, "\"AQI=\"")).bytes()).containsExactly(1, 2);
            assertRejected(fixed, "\"AQID\"", RejectReason.BAD_VALUE, "f", "fixed Hash needs 2 bytes, the base64 text holds 3");
        }
    }

    @Nested
    class Enums {
        private static final String STATUS = "{\"type\":\"enum\",\"name\":\"Status\",\"symbols\":[\"NEW\",\"PAID\"]}";

        @Test
        void symbolsByName() {
            assertThat(valueOf(STATUS, "\"PAID\"").toString()).isEqualTo("PAID");
            assertThat(valueOf(STATUS, "\"PAID\"")).isInstanceOf(GenericData.EnumSymbol.class);
        }

        @Test
        void unknownSymbolIsABadValueListingTheSymbols() {
            assertRejected(STATUS, "\"paid\"", RejectReason.BAD_VALUE, "f", "\"paid\" is not a symbol of enum Status [NEW, PAID]");
        }

        @Test
        void aNonStringIsTheWrongType() {
            assertRejected(STATUS, "1", RejectReason.WRONG_TYPE, "f", "expected enum Status, found number 1");
        }
    }

    @Nested
    class RequiredAndOptional {
        private final Schema schema = record("""
                {"name":"required","type":"string"},
                {"name":"nullable","type":["null","string"]},
                {"name":"withDefault","type":"int","default":7},
                {"name":"nullableWithDefault","type":["string","null"],"default":"x"}
                """);

        @Test
        void anAbsentRequiredFieldIsMissing() {
            assertThat(rejection(schema, "{}")).isEqualTo(new ValidationOutcome.Rejected(RejectReason.MISSING_FIELD, "required",
                    "required field 'required' (string) is missing"));
        }

        @Test
        void aNullRequiredFieldIsMissing() {
            assertThat(rejection(schema, "{\"required\":null}")).isEqualTo(new ValidationOutcome.Rejected(
                    RejectReason.MISSING_FIELD, "required", "required field 'required' (string) is null"));
        }

        @Test
        void optionalFieldsTakeTheirDefaultOrNull() {
            GenericRecord r = record(schema, "{\"required\":\"a\"}");
            assertThat(r.get("nullable")).isNull();
            assertThat(r.get("withDefault")).isEqualTo(7);
            assertThat(r.get("nullableWithDefault").toString()).isEqualTo("x");
        }

        @Test
        void anExplicitNullStaysNullWhereAllowedAndTakesTheDefaultElsewhere() {
            GenericRecord r = record(schema, "{\"required\":\"a\",\"nullable\":null,\"withDefault\":null,\"nullableWithDefault\":null}");
            assertThat(r.get("nullable")).isNull();
            assertThat(r.get("withDefault")).isEqualTo(7);
            assertThat(r.get("nullableWithDefault")).isNull();
        }

        @Test
        void fieldsTheSchemaDoesNotDeclareAreIgnored() {
            GenericRecord r = record(schema, "{\"required\":\"a\",\"unknown\":{\"deep\":[1,2]},\"other\":true}");
            assertThat(r.get("required")).isEqualTo("a");
            assertThat(r.getSchema().getField("unknown")).isNull();
        }

        @Test
        void theFirstProblemInSchemaOrderDecides() {
            Schema two = record("""
                    {"name":"a","type":"int"},
                    {"name":"b","type":"int"}
                    """);
            assertThat(rejection(two, "{\"b\":\"x\"}").fieldPath()).isEqualTo("a");
            assertThat(rejection(two, "{\"b\":\"x\",\"a\":1}").fieldPath()).isEqualTo("b");
        }
    }

    @Nested
    class Unions {
        @Test
        void aNullableUnionTakesNullOrItsType() {
            assertThat(valueOf("[\"null\",\"long\"]", "null")).isNull();
            assertThat(valueOf("[\"null\",\"long\"]", "5")).isEqualTo(5L);
            assertRejected("[\"null\",\"long\"]", "\"5\"", RejectReason.WRONG_TYPE, "f", "expected long, found string \"5\"");
        }

        @Test
        void aWiderUnionTakesTheFirstBranchThatFits() {
            assertThat(valueOf("[\"long\",\"string\"]", "5")).isEqualTo(5L);
            assertThat(valueOf("[\"long\",\"string\"]", "\"five\"")).isEqualTo("five");
            assertRejected("[\"null\",\"long\",\"string\"]", "true", RejectReason.WRONG_TYPE, "f",
                    "expected one of [long, string], found boolean true");
        }

        @Test
        void aProblemInsideANestedBranchIsReportedWhereItIs() {
            String union = "[\"null\",\"string\",{\"type\":\"record\",\"name\":\"Inner\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}]";
            assertRejected(union, "{\"y\":1}", RejectReason.MISSING_FIELD, "f.x", "required field 'x' (int) is missing");
        }

        @Test
        void aBadValueOfAMatchingBranchIsReported() {
            String union = "[\"null\",\"int\",{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}]";
            assertRejected(union, "\"B\"", RejectReason.BAD_VALUE, "f", "\"B\" is not a symbol of enum E [A]");
        }
    }

    @Nested
    class Structures {
        @Test
        void nestedRecordsReportTheirPath() {
            Schema schema = ShopFixtures.ordersSchema();
            ValidationOutcome.Rejected r = rejection(schema, ShopFixtures.orderWith("customer", "{\"id\":1,\"address\":{\"postcode\":\"1000\"}}"));
            assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.fieldPath()).isEqualTo("customer.address.city");
        }

        @Test
        void arrayElementsReportTheirIndex() {
            Schema schema = ShopFixtures.ordersSchema();
            ValidationOutcome.Rejected r = rejection(schema, ShopFixtures.orderWith("items", """
                    [{"sku":"a","quantity":1,"price":1},{"sku":"b","quantity":1,"price":2},
                     {"sku":"c","quantity":1,"price":12.345}]"""));
            assertThat(r).isEqualTo(new ValidationOutcome.Rejected(RejectReason.BAD_VALUE, "items[2].price",
                    "12.345 has 3 decimal places; decimal(8,2) allows 2"));
        }

        @Test
        void arraysAndMapsConvertTheirElements() {
            assertThat(valueOf("{\"type\":\"array\",\"items\":\"int\"}", "[1,2,3]")).isEqualTo(List.of(1, 2, 3));
            assertThat(valueOf("{\"type\":\"map\",\"values\":\"long\"}", "{\"a\":1,\"b\":2}")).isEqualTo(Map.of("a", 1L, "b", 2L));
            assertRejected("{\"type\":\"array\",\"items\":\"int\"}", "{\"a\":1}", RejectReason.WRONG_TYPE, "f",
                    "expected array of int, found an object");
            assertRejected("{\"type\":\"array\",\"items\":\"int\"}", "[1,null]", RejectReason.WRONG_TYPE, "f[1]",
                    "expected int, found null");
        }

        @Test
        void mapValuesReportTheirKey() {
            String map = "{\"type\":\"map\",\"values\":\"string\"}";
            assertRejected(map, "{\"colour\":1}", RejectReason.WRONG_TYPE, "f.colour", "expected string");
            assertRejected(map, "{\"gift wrap\":1}", RejectReason.WRONG_TYPE, "f[\"gift wrap\"]", "expected string");
        }

        @Test
        void aRecordFieldNeedsAnObject() {
            String inner = "{\"type\":\"record\",\"name\":\"Inner\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
            assertRejected(inner, "[1]", RejectReason.WRONG_TYPE, "f", "expected record Inner, found an array of 1");
        }
    }

    @Nested
    class Timestamps {
        @Test
        void isoTextWithZOrOffset() {
            long expected = Instant.parse("2024-05-01T10:15:30Z").toEpochMilli();
            assertThat(valueOf(TIMESTAMP_MILLIS, "\"2024-05-01T10:15:30Z\"")).isEqualTo(expected);
            assertThat(valueOf(TIMESTAMP_MILLIS, "\"2024-05-01T12:15:30+02:00\"")).isEqualTo(expected);
            assertThat(valueOf(TIMESTAMP_MILLIS, "\"2024-05-01T10:15:30.250Z\"")).isEqualTo(expected + 250);
        }

        @Test
        void digitsFinerThanTheUnitAreDropped() {
            long expected = Instant.parse("2024-05-01T10:15:30.123Z").toEpochMilli();
            assertThat(valueOf(TIMESTAMP_MILLIS, "\"2024-05-01T10:15:30.123456789Z\"")).isEqualTo(expected);
            assertThat(valueOf(TIMESTAMP_MICROS, "\"2024-05-01T10:15:30.123456789Z\"")).isEqualTo(expected * 1000 + 456);
            assertThat(valueOf(TIMESTAMP_MICROS, "\"1969-12-31T23:59:59.999999Z\"")).isEqualTo(-1L);
        }

        @Test
        void epochNumbersInTheSchemasUnit() {
            assertThat(valueOf(TIMESTAMP_MILLIS, "1714558530000")).isEqualTo(1714558530000L);
            assertThat(valueOf(TIMESTAMP_MICROS, "1714558530000123")).isEqualTo(1714558530000123L);
        }

        @Test
        void textWithoutOffsetIsABadValue() {
            assertRejected(TIMESTAMP_MILLIS, "\"2024-05-01T10:15:30\"", RejectReason.BAD_VALUE, "f",
                    "has no UTC offset: end it with Z or an offset like +02:00");
        }

        @Test
        void textThatIsNoTimestampIsABadValue() {
            assertRejected(TIMESTAMP_MILLIS, "\"yesterday\"", RejectReason.BAD_VALUE, "f", "is not an ISO-8601 timestamp");
            assertRejected(TIMESTAMP_MILLIS, "\"2024-13-01T00:00:00Z\"", RejectReason.BAD_VALUE, "f", "is not an ISO-8601 timestamp");
        }

        @Test
        void otherJsonTypesAreTheWrongType() {
            assertRejected(TIMESTAMP_MILLIS, "true", RejectReason.WRONG_TYPE, "f", "expected timestamp-millis (long), found boolean true");
            assertRejected(TIMESTAMP_MILLIS, "1.5", RejectReason.WRONG_TYPE, "f", "expected a whole number");
        }

        @Test
        void localTimestampsHaveNoOffset() {
            String local = "{\"type\":\"long\",\"logicalType\":\"local-timestamp-millis\"}";
            assertThat(valueOf(local, "\"1970-01-01T00:00:01.5\"")).isEqualTo(1500L);
            assertRejected(local, "\"1970-01-01T00:00:01Z\"", RejectReason.BAD_VALUE, "f", "(no offset)");
        }
    }

    @Nested
    class DatesAndTimes {
        private static final String DATE = "{\"type\":\"int\",\"logicalType\":\"date\"}";

        @Test
        void datesFromYearMonthDay() {
            assertThat(valueOf(DATE, "\"2024-05-31\"")).isEqualTo((int) LocalDate.of(2024, 5, 31).toEpochDay());
            assertThat(valueOf(DATE, "19874")).isEqualTo(19874);
        }

        @Test
        void impossibleOrOtherlyWrittenDatesAreBadValues() {
            assertRejected(DATE, "\"2024-02-30\"", RejectReason.BAD_VALUE, "f", "is not a date like 2024-05-31 (YYYY-MM-DD)");
            assertRejected(DATE, "\"31/05/2024\"", RejectReason.BAD_VALUE, "f", "is not a date");
            assertRejected(DATE, "\"2024-05-31T00:00:00Z\"", RejectReason.BAD_VALUE, "f", "is not a date");
        }

        @Test
        void timesOfDay() {
            String millis = "{\"type\":\"int\",\"logicalType\":\"time-millis\"}";
            String micros = "{\"type\":\"long\",\"logicalType\":\"time-micros\"}";
            assertThat(valueOf(millis, "\"13:45:00.250\"")).isEqualTo(49_500_250);
            assertThat(valueOf(micros, "\"00:00:01.000002\"")).isEqualTo(1_000_002L);
            assertThat(valueOf(millis, "1000")).isEqualTo(1000);
            assertRejected(millis, "86400000", RejectReason.BAD_VALUE, "f", "is not a time of day");
            assertRejected(millis, "\"25:00\"", RejectReason.BAD_VALUE, "f", "is not a time of day");
        }
    }

    @Nested
    class Decimals {
        @Test
        void fromJsonNumbersExactly() {
            assertThat(decimal(valueOf(DECIMAL_10_2, "12.5"), 2)).isEqualByComparingTo("12.50");
            assertThat(decimal(valueOf(DECIMAL_10_2, "0.1"), 2)).isEqualByComparingTo("0.10");
            assertThat(decimal(valueOf(DECIMAL_10_2, "-7"), 2)).isEqualByComparingTo("-7.00");
            assertThat(decimal(valueOf(DECIMAL_10_2, "12345678.99"), 2)).isEqualByComparingTo("12345678.99");
        }

        @Test
        void fromNumericText() {
            assertThat(decimal(valueOf(DECIMAL_10_2, "\"12.50\""), 2)).isEqualByComparingTo("12.50");
            assertThat(decimal(valueOf(DECIMAL_10_2, "\"1.500\""), 2)).isEqualByComparingTo("1.50");
            assertRejected(DECIMAL_10_2, "\"12,50\"", RejectReason.BAD_VALUE, "f", "string \"12,50\" is not a decimal number");
        }

        @Test
        void moreDecimalPlacesThanTheScaleIsABadValue() {
            assertRejected(DECIMAL_10_2, "0.001", RejectReason.BAD_VALUE, "f", "0.001 has 3 decimal places; decimal(10,2) allows 2");
        }

        @Test
        void moreDigitsThanThePrecisionIsABadValue() {
            assertRejected(DECIMAL_10_2, "123456789", RejectReason.OUT_OF_RANGE, "f",
                    "123456789 has too many digits before the decimal point for decimal(10,2) (at most 8)");
            assertRejected(DECIMAL_10_2, "\"1e999999999\"", RejectReason.OUT_OF_RANGE, "f", "too many digits");
        }

        @Test
        void otherJsonTypesAreTheWrongType() {
            assertRejected(DECIMAL_10_2, "true", RejectReason.WRONG_TYPE, "f", "expected decimal(10,2), found boolean true");
        }

        @Test
        void fixedDecimalsAreSignExtended() {
            String fixed = "{\"type\":\"fixed\",\"name\":\"Money\",\"size\":4,\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}";
            GenericData.Fixed value = (GenericData.Fixed) valueOf(fixed, "-1.5");
            assertThat(new BigDecimal(new BigInteger(value.bytes()), 2)).isEqualByComparingTo("-1.50");
            assertThat(value.bytes()).hasSize(4);
        }
    }

    @Nested
    class Uuids {
        private static final String UUID = "{\"type\":\"string\",\"logicalType\":\"uuid\"}";

        @Test
        void canonicalTextOnly() {
            assertThat(valueOf(UUID, "\"0f8fad5b-d9cb-469f-a165-70867728950e\"")).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
            assertRejected(UUID, "\"1-2-3-4-5\"", RejectReason.BAD_VALUE, "f", "is not a UUID");
        }
    }

    @Nested
    class WholeRecords {
        @Test
        void aJsonValueThatIsNoObjectIsRejected() {
            Schema schema = record("{\"name\":\"a\",\"type\":\"int\"}");
            for (String json : List.of("[1,2]", "\"text\"", "42", "null", "true")) {
                ValidationOutcome.Rejected r = rejection(schema, json);
                assertThat(r.reason()).as(json).isEqualTo(RejectReason.NOT_AN_OBJECT);
                assertThat(r.fieldPath()).isEmpty();
                assertThat(r.message()).startsWith("expected a JSON object with the fields of R, found ");
            }
        }

        @Test
        void aConvertedRecordHasAvrosRepresentationAndIsValidForItsSchema() {
            Schema schema = ShopFixtures.ordersSchema();
            GenericRecord r = record(schema, ShopFixtures.VALID_ORDER);
            assertThat(GenericData.get().validate(schema, r)).isTrue();
            assertThat(r.get("placed_at")).isEqualTo(Instant.parse("2024-05-01T10:15:30Z").toEpochMilli());
            assertThat(r.get("delivery_date")).isEqualTo((int) LocalDate.of(2024, 5, 3).toEpochDay());
            assertThat(decimal(r.get("total"), 2)).isEqualByComparingTo("25.50");
            assertThat(((GenericRecord) ((List<?>) r.get("items")).get(1)).get("quantity")).isEqualTo(2);
            assertThat(r.get("attributes")).isEqualTo(Map.of("channel", "web"));
            assertThat(r.get("gift")).isEqualTo(false);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }

    private static Schema single(String fieldType) {
        return record("{\"name\":\"f\",\"type\":" + fieldType + "}");
    }

    private static ValidationOutcome parse(Schema schema, String json) {
        return new JsonLandingParser(schema).parse(json.getBytes(StandardCharsets.UTF_8), null);
    }

    static GenericRecord record(Schema schema, String json) {
        ValidationOutcome outcome = parse(schema, json);
        assertThat(outcome).as("outcome of %s", json).isInstanceOf(ValidationOutcome.Valid.class);
        return ((ValidationOutcome.Valid) outcome).record();
    }

    static ValidationOutcome.Rejected rejection(Schema schema, String json) {
        ValidationOutcome outcome = parse(schema, json);
        assertThat(outcome).as("outcome of %s", json).isInstanceOf(ValidationOutcome.Rejected.class);
        return (ValidationOutcome.Rejected) outcome;
    }

    private static Object valueOf(String fieldType, String jsonValue) {
        return record(single(fieldType), "{\"f\":" + jsonValue + "}").get("f");
    }

    private static void assertRejected(String fieldType, String jsonValue, RejectReason reason, String path, String messagePart) {
        ValidationOutcome.Rejected r = rejection(single(fieldType), "{\"f\":" + jsonValue + "}");
        assertThat(r.reason()).as("reason for %s", jsonValue).isEqualTo(reason);
        assertThat(r.fieldPath()).as("field path for %s", jsonValue).isEqualTo(path);
        assertThat(r.message()).as("message for %s", jsonValue).contains(messagePart);
    }

    private static BigDecimal decimal(Object avroBytes, int scale) {
        ByteBuffer buffer = ((ByteBuffer) avroBytes).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new BigDecimal(new BigInteger(bytes), scale);
    }
}
