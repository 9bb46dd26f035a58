package io.tributary.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Ten-field expense records, the shape the platform's example zone produces, made from a fixed seed. */
final class Expenses {
    static final Schema SCHEMA = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Expense\",\"namespace\":\"finance\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"employee\",\"type\":\"string\"},"
            + "{\"name\":\"amount\",\"type\":\"double\"},{\"name\":\"currency\",\"type\":\"string\"},"
            + "{\"name\":\"approved\",\"type\":\"boolean\"},{\"name\":\"category\",\"type\":\"string\"},"
            + "{\"name\":\"spentAt\",\"type\":\"long\"},{\"name\":\"items\",\"type\":\"int\"},"
            + "{\"name\":\"costCentre\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    private Expenses() {
    }

    static List<GenericRecord> make(int count) {
        Random random = new Random(42);
        String[] categories = {"travel", "meals", "hardware", "software", "training"};
        List<GenericRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GenericData.Record r = new GenericData.Record(SCHEMA);
            r.put("id", (long) i);
            r.put("employee", "employee-" + random.nextInt(5000));
            r.put("amount", Math.round(random.nextDouble() * 100_000) / 100.0);
            r.put("currency", random.nextBoolean() ? "EUR" : "GBP");
            r.put("approved", random.nextBoolean());
            r.put("category", categories[random.nextInt(categories.length)]);
            r.put("spentAt", 1_700_000_000_000L + random.nextInt(1_000_000_000));
            r.put("items", 1 + random.nextInt(9));
            r.put("costCentre", "CC-" + (100 + random.nextInt(50)));
            r.put("note", random.nextInt(4) == 0 ? null : "business trip " + random.nextInt(100));
            records.add(r);
        }
        return records;
    }
}
