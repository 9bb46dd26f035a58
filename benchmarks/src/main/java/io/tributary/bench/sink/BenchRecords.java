package io.tributary.bench.sink;

import java.util.Random;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.tributary.registry.client.WireFormat;

/** Ten-field expense records from a fixed seed, in the Confluent wire format, as a staging topic carries them. */
final class BenchRecords {
    static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Expense","namespace":"bench","fields":[
              {"name":"id","type":"string"},
              {"name":"account","type":"string"},
              {"name":"amount","type":"double"},
              {"name":"currency","type":"string"},
              {"name":"spent_at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"category","type":"string"},
              {"name":"quantity","type":"int"},
              {"name":"approved","type":"boolean"},
              {"name":"merchant","type":"string"},
              {"name":"note","type":["null","string"],"default":null}]}""");
    static final int SCHEMA_ID = 1;
    /** 2024-05-01T00:00:00Z: every record falls on that day. */
    static final long DAY = 1_714_521_600_000L;
    private static final String[] CATEGORIES = {"travel", "meals", "hardware", "software", "training", "other"};

    private BenchRecords() {
    }

    /** Record {@code n} of {@code accounts} accounts, wire format. */
    static byte[] wire(long n, int accounts) {
        Random random = new Random(n);
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("id", "e-" + n);
        r.put("account", "acc" + (n % accounts));
        r.put("amount", Math.round(random.nextDouble() * 100_000) / 100.0);
        r.put("currency", random.nextInt(10) == 0 ? "USD" : "EUR");
        r.put("spent_at", DAY + random.nextInt(86_400_000));
        r.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
        r.put("quantity", 1 + random.nextInt(20));
        r.put("approved", random.nextBoolean());
        r.put("merchant", "merchant-" + random.nextInt(500));
        r.put("note", random.nextInt(3) == 0 ? null : "note " + random.nextInt(10_000));
        return WireFormat.encode(SCHEMA_ID, SCHEMA, r);
    }
}
