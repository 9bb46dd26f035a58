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

    /**
     * The example finance zone's ods and analytical tables, as its pipelines and sinks would
     * leave them: {@code expense} is a change log in which every fifth expense has a second, later
     * version (another amount); {@code expense_facts} holds each expense's latest version with its
     * department's name; {@code monthly_spend_by_department} one row per department for the first
     * 30-day window. Schemas are the descriptor's (entity, fact) and the generated aggregate's.
     */
    public void writeOdsAndAnalytical(int expenses, int days, long seed, Schema expense, Schema fact, Schema monthly) throws IOException {
        Random random = new Random(seed);
        List<List<GenericRecord>> versionsByDay = new ArrayList<>();
        List<List<GenericRecord>> factsByDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            versionsByDay.add(new ArrayList<>());
            factsByDay.add(new ArrayList<>());
        }
        java.util.Map<String, double[]> spend = new java.util.TreeMap<>();
        Instant windowStart = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < expenses; i++) {
            int day = i % days;
            GenericRecord first = odsExpense(expense, random, i, day);
            versionsByDay.get(day).add(first);
            GenericRecord latest = first;
            if (i % 5 == 0 && day + 1 < days) {
                GenericRecord newer = new GenericData.Record(expense);
                expense.getFields().forEach(f -> newer.put(f.name(), first.get(f.name())));
                newer.put("amount_eur", (double) first.get("amount_eur") + 10.5);
                newer.put("submitted_at", (long) first.get("submitted_at") + 86_400_000L);
                versionsByDay.get(day + 1).add(newer);
                latest = newer;
            }
            GenericRecord f = new GenericData.Record(fact);
            for (org.apache.avro.Schema.Field field : fact.getFields()) {
                switch (field.name()) {
                    case "department_name" -> f.put("department_name", departmentName((String) latest.get("department_code")));
                    case "cost_center" -> f.put("cost_center", "CC-" + Math.abs(((String) latest.get("department_code")).hashCode() % 900 + 100));
                    default -> f.put(field.name(), latest.get(field.name()));
                }
            }
            factsByDay.get(day).add(f);
            if ((long) latest.get("submitted_at") < windowStart.plus(java.time.Duration.ofDays(30)).toEpochMilli()) {
                double amount = (double) latest.get("amount_eur");
                double[] m = spend.computeIfAbsent((String) latest.get("department_code"), k -> new double[] {0, 0, Double.MIN_VALUE});
                m[0] += amount;
                m[1] += 1;
                m[2] = Math.max(m[2], amount);
            }
        }
        long versionOffset = 0;
        long factOffset = 0;
        for (int d = 0; d < days; d++) {
            versionOffset = writeDay("ods", "expense", FIRST_DAY.plusDays(d), versionsByDay.get(d), versionOffset);
            factOffset = writeDay("analytical", "expense_facts", FIRST_DAY.plusDays(d), factsByDay.get(d), factOffset);
        }
        List<GenericRecord> windows = new ArrayList<>();
        spend.forEach((department, m) -> {
            GenericRecord r = new GenericData.Record(monthly);
            r.put("window_start", windowStart.toEpochMilli());
            r.put("window_end", windowStart.plus(java.time.Duration.ofDays(30)).toEpochMilli());
            r.put("department_code", department);
            r.put("total_eur", m[0]);
            r.put("claims", (long) m[1]);
            r.put("largest_eur", m[2]);
            r.put("average_eur", m[0] / m[1]);
            r.put("revision", (long) m[1]);
            windows.add(r);
        });
        writeDay("analytical", "monthly_spend_by_department", FIRST_DAY.plusDays(days - 1), windows, 0);
    }

    private static String departmentName(String code) {
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private static GenericRecord odsExpense(Schema schema, Random random, int i, int day) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("expense_id", String.format("EXP-%08d", i));
        r.put("employee_id", String.format("E%04d", random.nextInt(200)));
        r.put("department_code", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        // Quarters of a euro: exact in binary floating point, so sums compare exactly across engines.
        r.put("amount_eur", (100 + random.nextInt(200_000)) / 4.0);
        r.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
        r.put("category", i % 3 == 0 ? "TRAVEL" : "MEALS");
        r.put("source_system", i % 4 == 0 ? "card_provider" : "expenses_app");
        r.put("submitted_at", FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(random.nextInt(86_400_000)).toEpochMilli());
        r.put("description", random.nextInt(4) == 0 ? null : "expense " + i);
        return r;
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
