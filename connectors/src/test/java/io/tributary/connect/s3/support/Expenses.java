package io.tributary.connect.s3.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.tributary.registry.client.WireFormat;

/**
 * The test dataset: an expense with the types zone schemas use (decimal, timestamps, date,
 * nullable, nested record, array), and the values each generated record has, so that what is
 * read back from Parquet can be compared field by field.
 */
public final class Expenses {
    public static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Expense","namespace":"finance","fields":[
              {"name":"id","type":"string"},
              {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
              {"name":"currency","type":"string"},
              {"name":"spent_at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"booked_on","type":{"type":"int","logicalType":"date"}},
              {"name":"note","type":["null","string"],"default":null},
              {"name":"merchant","type":{"type":"record","name":"Merchant","fields":[
                {"name":"name","type":"string"},
                {"name":"city","type":["null","string"],"default":null}]}},
              {"name":"tags","type":{"type":"array","items":"string"}}]}""");
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();
    private static final Schema DECIMAL = SCHEMA.getField("amount").schema();

    private Expenses() {
    }

    /** The amount of record {@code n}: cents that exercise the scale. */
    public static BigDecimal amount(int n) {
        return new BigDecimal(1000 + n * 37).movePointLeft(2);
    }

    public static String note(int n) {
        return n % 3 == 0 ? null : "note " + n;
    }

    public static String city(int n) {
        return n % 2 == 0 ? "Paris" : null;
    }

    public static GenericRecord record(String id, int n, String spentAt) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("id", id);
        r.put("amount", DECIMALS.toBytes(amount(n), DECIMAL, LogicalTypes.decimal(12, 2)));
        r.put("currency", "EUR");
        Instant at = Instant.parse(spentAt);
        r.put("spent_at", at.toEpochMilli());
        r.put("booked_on", (int) LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay());
        r.put("note", note(n));
        GenericRecord merchant = new GenericData.Record(SCHEMA.getField("merchant").schema());
        merchant.put("name", "shop " + n % 5);
        merchant.put("city", city(n));
        r.put("merchant", merchant);
        r.put("tags", List.of("t" + n % 2, "all"));
        return r;
    }

    public static byte[] wire(int schemaId, String id, int n, String spentAt) {
        return WireFormat.encode(schemaId, SCHEMA, record(id, n, spentAt));
    }
}
