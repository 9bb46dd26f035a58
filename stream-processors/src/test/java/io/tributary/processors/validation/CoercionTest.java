package io.tributary.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tributary.model.Coercion;

/** Strict against lenient coercion, rule by rule, on JSON values. */
class CoercionTest {
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final ConversionOptions STRICT = new ConversionOptions(Coercion.STRICT, BRUSSELS, false);
    private static final ConversionOptions LENIENT = new ConversionOptions(Coercion.LENIENT, BRUSSELS, false);
    private static final String TIMESTAMP = "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";

    @Test
    void numericTextBecomesANumberOnlyWhenLenient() {
        assertThat(rejected(STRICT, "\"long\"", "\"42\"").reason()).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(value(LENIENT, "\"long\"", "\" 42 \"")).isEqualTo(42L);
        assertThat(value(LENIENT, "\"int\"", "\"1e3\"")).isEqualTo(1000);
        assertThat(value(LENIENT, "\"double\"", "\"-2.5\"")).isEqualTo(-2.5d);
        assertThat(rejected(LENIENT, "\"int\"", "\"4.5\"").reason()).as("never truncates").isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(rejected(LENIENT, "\"int\"", "\"forty\"")).satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.BAD_VALUE);
            assertThat(r.message()).isEqualTo("string \"forty\" is not a number");
        });
        assertThat(rejected(LENIENT, "\"int\"", "\"99999999999\"").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    }

    @Test
    void booleansFromTextAndNumbersWhenLenient() {
        assertThat(rejected(STRICT, "\"boolean\"", "\"yes\"").reason()).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(value(LENIENT, "\"boolean\"", "\"YES\"")).isEqualTo(true);
        assertThat(value(LENIENT, "\"boolean\"", "\"n\"")).isEqualTo(false);
        assertThat(value(LENIENT, "\"boolean\"", "1")).isEqualTo(true);
        assertThat(rejected(LENIENT, "\"boolean\"", "\"maybe\"").reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejected(LENIENT, "\"boolean\"", "2").reason()).isEqualTo(RejectReason.WRONG_TYPE);
    }

    @Test
    void numbersAndBooleansBecomeTextWhenLenient() {
        assertThat(rejected(STRICT, "\"string\"", "12.50").reason()).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(value(LENIENT, "\"string\"", "12.50").toString()).isEqualTo("12.50");
        assertThat(value(LENIENT, "\"string\"", "7").toString()).isEqualTo("7");
        assertThat(value(LENIENT, "\"string\"", "false").toString()).isEqualTo("false");
        assertThat(rejected(LENIENT, "\"string\"", "{\"a\":1}").reason()).isEqualTo(RejectReason.WRONG_TYPE);
    }

    @Test
    void enumSymbolsIgnoreCaseWhenLenient() {
        String status = "{\"type\":\"enum\",\"name\":\"Status\",\"symbols\":[\"NEW\",\"PAID\"]}";
        assertThat(rejected(STRICT, status, "\"paid\"").reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(value(LENIENT, status, "\" paid\"").toString()).isEqualTo("PAID");
        assertThat(rejected(LENIENT, status, "\"lost\"").message()).contains("[NEW, PAID]");
    }

    @Test
    void timestampsWithOffsetOrRegionInEitherMode() {
        assertThat(value(STRICT, TIMESTAMP, "\"2024-05-01T12:00:00+02:00\"")).isEqualTo(instant("2024-05-01T10:00:00Z"));
        assertThat(value(STRICT, TIMESTAMP, "\"2024-05-01T12:00:00+02:00[Europe/Brussels]\"")).isEqualTo(instant("2024-05-01T10:00:00Z"));
        assertThat(value(STRICT, TIMESTAMP, "\"2024-01-15T12:00:00[Europe/Brussels]\"")).isEqualTo(instant("2024-01-15T11:00:00Z"));
    }

    @Test
    void timestampsWithoutOffsetAreInTheDatasetsTimeZoneWhenLenient() {
        assertThat(rejected(STRICT, TIMESTAMP, "\"2024-05-01T12:00:00\"").message()).contains("has no UTC offset");
        assertThat(value(LENIENT, TIMESTAMP, "\"2024-05-01T12:00:00\"")).as("summer time, +02:00").isEqualTo(instant("2024-05-01T10:00:00Z"));
        assertThat(value(LENIENT, TIMESTAMP, "\"2024-01-15T12:00:00\"")).as("winter time, +01:00").isEqualTo(instant("2024-01-15T11:00:00Z"));
        assertThat(value(LENIENT, TIMESTAMP, "\"2024-03-31T02:30:00\"")).as("in the spring gap: moved forward by an hour")
                .isEqualTo(instant("2024-03-31T01:30:00Z"));
        assertThat(value(LENIENT, TIMESTAMP, "\"2024-10-27T02:30:00\"")).as("in the autumn overlap: the earlier offset, +02:00")
                .isEqualTo(instant("2024-10-27T00:30:00Z"));
        assertThat(value(LENIENT, TIMESTAMP, "\"2024-05-01\"")).as("a date alone is its midnight").isEqualTo(instant("2024-04-30T22:00:00Z"));
        assertThat(value(LENIENT, TIMESTAMP, "\"1714557600000\"")).as("epoch text").isEqualTo(1714557600000L);
        assertThat(rejected(LENIENT, TIMESTAMP, "\"next tuesday\"").reason()).isEqualTo(RejectReason.BAD_VALUE);
    }

    @Test
    void decimalsAreNeverRoundedInEitherMode() {
        String decimal = "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":6,\"scale\":2}";
        assertThat(rejected(LENIENT, decimal, "\"1.005\"").reason()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejected(LENIENT, decimal, "\"123456.1\"").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(rejection(STRICT, decimal, "\" 1.5\"")).as("strict takes no spaces").isNotNull();
        assertThat(record(LENIENT, decimal, "\" 1.5\"")).isNotNull();
    }

    @Test
    void nullableUnionsNestedRecordsAndArraysFollowTheSameRules() {
        Schema schema = JsonToAvroConverterTest.record("""
                {"name":"f","type":["null",{"type":"record","name":"Inner","fields":[
                  {"name":"n","type":"long"},{"name":"xs","type":{"type":"array","items":"int"}}]}]}""");
        GenericRecord r = convert(LENIENT, schema, "{\"f\":{\"n\":\"5\",\"xs\":[\"1\",2]}}");
        GenericRecord inner = (GenericRecord) r.get("f");
        assertThat(inner.get("n")).isEqualTo(5L);
        assertThat(inner.get("xs")).asList().containsExactly(1, 2);
        ValidationOutcome.Rejected strict = (ValidationOutcome.Rejected) new JsonToAvroConverter(schema, STRICT)
                .convert(tree("{\"f\":{\"n\":5,\"xs\":[1,\"2\"]}}"));
        assertThat(strict.fieldPath()).isEqualTo("f.xs[1]");
        assertThat(convert(STRICT, schema, "{\"f\":null}").get("f")).isNull();
    }

    private static long instant(String text) {
        return Instant.parse(text).toEpochMilli();
    }

    private static Object value(ConversionOptions options, String type, String json) {
        return record(options, type, json).get("f");
    }

    private static GenericRecord record(ConversionOptions options, String type, String json) {
        return convert(options, single(type), "{\"f\":" + json + "}");
    }

    private static GenericRecord convert(ConversionOptions options, Schema schema, String json) {
        ValidationOutcome outcome = new JsonToAvroConverter(schema, options).convert(tree(json));
        assertThat(outcome).as("outcome of %s", json).isInstanceOf(ValidationOutcome.Valid.class);
        return ((ValidationOutcome.Valid) outcome).record();
    }

    private static ValidationOutcome.Rejected rejected(ConversionOptions options, String type, String json) {
        ValidationOutcome.Rejected r = rejection(options, type, json);
        assertThat(r).as("rejection of %s", json).isNotNull();
        return r;
    }

    private static ValidationOutcome.Rejected rejection(ConversionOptions options, String type, String json) {
        ValidationOutcome outcome = new JsonToAvroConverter(single(type), options).convert(tree("{\"f\":" + json + "}"));
        return outcome instanceof ValidationOutcome.Rejected r ? r : null;
    }

    private static Schema single(String type) {
        return JsonToAvroConverterTest.record("{\"name\":\"f\",\"type\":" + type + "}");
    }

    static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JsonLandingParser.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
