package io.tributary.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.tributary.catalog.table.RejectedRecords;

/**
 * The example finance zone's lake, as the sink lays it out: staging expenses (with the zone's
 * schema, optionally a second version for the later days) and rejected expenses (in the rejected
 * table's shape), in {@code dt=} folders of the day of their event time, files named
 * {@code <topic>+<partition>+<startOffset>.parquet}. Values come from a seeded generator, so the
 * same call writes the same lake.
 */
public final class ExampleLake {
    static final String[] DEPARTMENTS = {"engineering", "finance", "hr", "legal", "marketing", "operations", "sales", "support"};
    static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "GBP"};
    static final String[] REASONS = {"NOT_JSON", "MISSING_FIELD", "WRONG_TYPE", "RULE_FAILED"};
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private final Path lake;
    private final int rowsPerFile;

    public ExampleLake(Path lake, int rowsPerFile) {
        this.lake = lake;
        this.rowsPerFile = rowsPerFile;
    }

    /**
     * Writes {@code rows} expense claims over {@code days} days from 2024-01-01; claims from day
     * {@code v2FromDay} on are written with {@code v2} (null: all with {@code v1}).
     */
    public void writeExpenses(int rows, int days, long seed, Schema v1, Schema v2, int v2FromDay) throws IOException {
        Random random = new Random(seed);
        List<List<GenericRecord>> byDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            byDay.add(new ArrayList<>());
        }
        for (int i = 0; i < rows; i++) {
            int day = i % days;
            Schema schema = v2 != null && day >= v2FromDay ? v2 : v1;
            byDay.get(day).add(expense(schema, random, i, day));
        }
        long offset = 0;
        for (int d = 0; d < days; d++) {
            offset = writeDay("staging", "expenses", FIRST_DAY.plusDays(d), byDay.get(d), offset);
        }
    }

    /** Writes {@code rows} rejected expense records over {@code days} days. */
    public void writeRejected(int rows, int days, long seed) throws IOException {
        Random random = new Random(seed);
        List<List<GenericRecord>> byDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            byDay.add(new ArrayList<>());
        }
        for (int i = 0; i < rows; i++) {
            byDay.get(i % days).add(rejected(random, i, i % days));
        }
        long offset = 0;
        for (int d = 0; d < days; d++) {
            offset = writeDay("rejected", "expenses", FIRST_DAY.plusDays(d), byDay.get(d), offset);
        }
    }

    private long writeDay(String stage, String dataset, LocalDate day, List<GenericRecord> records, long offset) throws IOException {
        String topic = "finance." + stage + "." + dataset;
        for (int from = 0; from < records.size(); from += rowsPerFile) {
            List<GenericRecord> chunk = records.subList(from, Math.min(records.size(), from + rowsPerFile));
            // Files of one schema version each, as the sink rotates on a schema change.
            Schema schema = chunk.get(0).getSchema();
            List<GenericRecord> same = chunk.stream().filter(r -> r.getSchema().equals(schema)).toList();
            List<GenericRecord> other = chunk.stream().filter(r -> !r.getSchema().equals(schema)).toList();
            for (List<GenericRecord> part : List.of(same, other)) {
                if (part.isEmpty()) {
                    continue;
                }
                Path file = lake.resolve(stage + "/finance/" + dataset + "/dt=" + day + "/" + topic + "+0+"
                        + String.format("%020d", offset) + ".parquet");
                ParquetFiles.write(file, part.get(0).getSchema(), part);
                offset += part.size();
            }
        }
        return offset;
    }

    private static GenericRecord expense(Schema schema, Random random, int i, int day) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("expense_id", String.format("EXP-%08d", i));
        r.put("employee_id", String.format("E%04d", random.nextInt(200)));
        r.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        Schema amount = schema.getField("amount").schema();
        BigDecimal value = BigDecimal.valueOf(100 + random.nextInt(200_000), 2);
        r.put("amount", new Conversions.DecimalConversion().toBytes(value, amount, amount.getLogicalType()));
        r.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
        Schema category = schema.getField("category").schema();
        r.put("category", new GenericData.EnumSymbol(category, category.getEnumSymbols().get(random.nextInt(category.getEnumSymbols().size()))));
        Instant at = FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(random.nextInt(86_400_000));
        r.put("submitted_at", at.toEpochMilli());
        r.put("description", random.nextInt(4) == 0 ? null : "claim " + i);
        if (schema.getField("cost_center") != null) {
            r.put("cost_center", "CC-" + (100 + random.nextInt(5)));
        }
        return r;
    }

    private static GenericRecord rejected(Random random, int i, int day) {
        GenericRecord r = new GenericData.Record(RejectedRecords.SCHEMA);
        String reason = REASONS[random.nextInt(REASONS.length)];
        String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
        r.put("reason", reason);
        r.put("rule", reason.equals("RULE_FAILED") ? "amount_positive" : null);
        r.put("field", reason.equals("NOT_JSON") ? null : "amount");
        r.put("message", switch (reason) {
            case "NOT_JSON" -> "value is not JSON: Unexpected character";
            case "MISSING_FIELD" -> "required field amount is missing";
            case "WRONG_TYPE" -> "amount: expected a decimal, got a string";
            default -> "rule amount_positive failed: amount > 0";
        });
        r.put("source_topic", "finance.landing.expenses");
        r.put("source_partition", random.nextInt(3));
        r.put("source_offset", (long) i);
        r.put("batch_id", null);
        r.put("rejected_at", FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(random.nextInt(86_400_000))
                .toEpochMilli());
        r.put("record_key", String.format("EXP-R%06d", i));
        r.put("record_value", reason.equals("NOT_JSON") ? "{not json" : "{\"expense_id\":\"EXP-R" + i + "\",\"department\":\""
                + department + "\",\"amount\":" + (reason.equals("WRONG_TYPE") ? "\"12,50\"" : "-3") + "}");
        return r;
    }
}
