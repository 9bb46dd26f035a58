package io.tributary.bench.validator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * The benchmark's zone: one JSON dataset of expense claims (about 200 bytes each) with five rules
 * of the kinds the issue names: a range, an enum, a regular expression, a length and a rule
 * across fields.
 */
public final class BenchZone {
    public static final String ZONE = "bench";
    public static final String DATASET = "expenses";
    public static final String LANDING = ZONE + ".landing." + DATASET;
    public static final String STAGING = ZONE + ".staging." + DATASET;
    public static final String REJECTED = ZONE + ".rejected." + DATASET;

    private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
    private static final String[] CATEGORIES = {"TRAVEL", "MEALS", "LODGING", "SUPPLIES"};

    private BenchZone() {
    }

    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/expenses.avsc"), """
                {"type":"record","name":"Expense","namespace":"io.tributary.bench","fields":[
                  {"name":"expense_id","type":"string"},
                  {"name":"employee_id","type":"string"},
                  {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
                  {"name":"currency","type":"string"},
                  {"name":"category","type":{"type":"enum","name":"Category","symbols":["TRAVEL","MEALS","LODGING","SUPPLIES","OTHER"]}},
                  {"name":"description","type":["null","string"],"default":null},
                  {"name":"submitted_at","type":{"type":"long","logicalType":"timestamp-millis"}},
                  {"name":"approved_at","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null}]}
                """, StandardCharsets.UTF_8);
        Path descriptor = dir.resolve("bench.yaml");
        Files.writeString(descriptor, header(ZONE) + dataset(DATASET, 6), StandardCharsets.UTF_8);
        return descriptor;
    }

    /** A zone descriptor's first lines, up to its {@code datasets:} key. */
    public static String header(String zone) {
        return "zone: " + zone + "\nowners: [bench@example.com]\nsteward: bench@example.com\ndatasets:\n";
    }

    /** One dataset of expense claims (the schema {@link #write} writes) with the five rules. */
    public static String dataset(String name, int partitions) {
        return """
                  - name: %s
                    schema: bench/expenses.avsc
                    keyField: expense_id
                    eventTimeField: submitted_at
                    landingFormat: json
                    partitions: %d
                    rules:
                      - name: amount_in_range
                        field: amount
                        expression: amount > 0.0 && amount <= 50000.0
                      - name: known_currency
                        field: currency
                        expression: currency in ['EUR', 'USD', 'GBP']
                      - name: employee_id_shape
                        field: employee_id
                        expression: employee_id.matches('^E[0-9]{5}$')
                      - name: short_description
                        field: description
                        expression: description == null || size(description) <= 200
                      - name: approved_after_submitted
                        expression: approved_at == null || approved_at >= submitted_at
                """.formatted(name, partitions);
    }

    /** A valid claim, about 200 bytes of JSON. */
    public static byte[] claim(long i, Random random, Instant now) {
        Instant submitted = now.minusSeconds(random.nextInt(86_400));
        String json = "{\"expense_id\":\"EXP-" + i + "\",\"employee_id\":\"E" + (10_000 + random.nextInt(89_999)) + "\","
                + "\"amount\":" + (1 + random.nextInt(99_999)) / 100.0 + ",\"currency\":\"" + CURRENCIES[random.nextInt(3)] + "\","
                + "\"category\":\"" + CATEGORIES[random.nextInt(4)] + "\",\"description\":\"Taxi to client site\","
                + "\"submitted_at\":\"" + submitted + "\",\"approved_at\":\"" + submitted.plusSeconds(3_600) + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
