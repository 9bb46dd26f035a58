package io.tributary.catalog;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** A record with every Avro type the table model maps, and two rows of it (the second with its nullable fields null). */
public final class AllTypes {
    public static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"AllTypes","namespace":"io.tributary.test","fields":[
             {"name":"id","type":"string"},
             {"name":"flag","type":"boolean"},
             {"name":"small","type":"int"},
             {"name":"big","type":"long"},
             {"name":"ratio","type":"float"},
             {"name":"measure","type":"double"},
             {"name":"raw","type":"bytes"},
             {"name":"digest","type":{"type":"fixed","name":"Digest","size":4}},
             {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
             {"name":"rate","type":{"type":"fixed","name":"Rate","size":8,"logicalType":"decimal","precision":18,"scale":6}},
             {"name":"day","type":{"type":"int","logicalType":"date"}},
             {"name":"at_millis","type":{"type":"long","logicalType":"timestamp-millis"}},
             {"name":"at_micros","type":{"type":"long","logicalType":"timestamp-micros"}},
             {"name":"local_at","type":{"type":"long","logicalType":"local-timestamp-millis"}},
             {"name":"ref","type":{"type":"string","logicalType":"uuid"}},
             {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["TRAVEL","MEALS"]}},
             {"name":"tags","type":{"type":"array","items":"string"}},
             {"name":"counts","type":{"type":"map","values":"long"}},
             {"name":"address","type":{"type":"record","name":"Address","fields":[
               {"name":"city","type":"string"},{"name":"zip","type":["null","int"],"default":null}]}},
             {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
               {"name":"sku","type":"string"},{"name":"qty","type":"int"}]}}},
             {"name":"note","type":["null","string"],"default":null},
             {"name":"approved_at","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null}
            ]}""");

    private AllTypes() {
    }

    public static List<GenericRecord> rows() {
        return List.of(row("a", true, "Paris", 75001, "first note", Instant.parse("2024-01-15T12:00:00Z")),
                row("b", false, "Rome", null, null, null));
    }

    private static GenericRecord row(String id, boolean flag, String city, Integer zip, String note, Instant approved) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("id", id);
        r.put("flag", flag);
        r.put("small", flag ? 7 : -7);
        r.put("big", flag ? 1234567890123L : -1L);
        r.put("ratio", 1.5f);
        r.put("measure", 2.25);
        r.put("raw", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        r.put("digest", new GenericData.Fixed(SCHEMA.getField("digest").schema(), new byte[] {(byte) 0xca, (byte) 0xfe, 0, 1}));
        Schema price = SCHEMA.getField("price").schema();
        r.put("price", new Conversions.DecimalConversion().toBytes(new BigDecimal(flag ? "1234.56" : "-0.01"), price, price.getLogicalType()));
        Schema rate = SCHEMA.getField("rate").schema();
        r.put("rate", new Conversions.DecimalConversion().toFixed(new BigDecimal("-98.765432"), rate, rate.getLogicalType()));
        r.put("day", (int) LocalDate.parse("2024-01-15").toEpochDay());
        long millis = Instant.parse("2024-01-15T10:11:12.345Z").toEpochMilli();
        r.put("at_millis", millis);
        r.put("at_micros", millis * 1000);
        r.put("local_at", millis);
        r.put("ref", "0f8fad5b-d9cb-469f-a165-70867728950e");
        r.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), flag ? "MEALS" : "TRAVEL"));
        r.put("tags", List.of("x", "y"));
        r.put("counts", Map.of("k", 1L));
        GenericRecord address = new GenericData.Record(SCHEMA.getField("address").schema());
        address.put("city", city);
        address.put("zip", zip);
        r.put("address", address);
        GenericRecord line = new GenericData.Record(SCHEMA.getField("lines").schema().getElementType());
        line.put("sku", "s1");
        line.put("qty", 3);
        r.put("lines", List.of(line));
        r.put("note", note);
        r.put("approved_at", approved == null ? null : approved.toEpochMilli());
        return r;
    }
}
