package io.tributary.cli.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Realistic expense claims for the finance zone, as the expenses app would send them (JSON), with a
 * few broken ones of the kinds real feeds produce. Seeded, so a run can be repeated.
 */
public final class ExpenseGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DEPARTMENTS = {"sales", "engineering", "marketing", "finance", "operations", "legal", "hr"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "GBP"};
    private static final Map<String, String[]> DESCRIPTIONS = Map.of(
            "TRAVEL", new String[] {"Train to client site", "Flight to Berlin office", "Taxi from airport", "Rental car, 3 days"},
            "MEALS", new String[] {"Team lunch", "Client dinner", "Breakfast during offsite"},
            "LODGING", new String[] {"Hotel, 2 nights", "Hotel near trade fair"},
            "SUPPLIES", new String[] {"Printer paper and toner", "Whiteboard markers"},
            "SOFTWARE", new String[] {"IDE licence renewal", "Design tool subscription"},
            "TRAINING", new String[] {"Conference ticket", "Online course"},
            "OTHER", new String[] {"Courier", "Visa fee"});
    private static final String[] CATEGORIES = {"TRAVEL", "TRAVEL", "MEALS", "MEALS", "LODGING", "SUPPLIES", "SOFTWARE", "TRAINING", "OTHER"};

    /** The kinds of broken record the demo sends, each rejected with its own reason. */
    public enum Defect {
        NOT_JSON, MISSING_AMOUNT, AMOUNT_NOT_A_NUMBER, UNKNOWN_CATEGORY, BAD_TIMESTAMP
    }

    /** One record to send: its key, its value bytes, and what was wrong with it, if anything. */
    public record GeneratedRecord(String key, byte[] value, Defect defect, Map<String, Object> fields) {
        public boolean valid() {
            return defect == null;
        }
    }

    private final Random random;
    private final Instant now;
    private final String runId;

    public ExpenseGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.runId = Long.toString(Math.abs(seed) % 100_000, 36);
    }

    /** {@code count} records, of which {@code invalid} are broken (defects taken in turn), shuffled. */
    public List<GeneratedRecord> generate(int count, int invalid) {
        if (invalid > count || count < 0 || invalid < 0) {
            throw new IllegalArgumentException("cannot make " + invalid + " invalid records out of " + count);
        }
        List<GeneratedRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Defect defect = i < invalid ? Defect.values()[i % Defect.values().length] : null;
            records.add(record(i, defect));
        }
        java.util.Collections.shuffle(records, random);
        return records;
    }

    private GeneratedRecord record(int i, Defect defect) {
        String id = "EXP-" + runId + "-" + String.format("%06d", i);
        Map<String, Object> fields = new LinkedHashMap<>();
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        fields.put("expense_id", id);
        fields.put("employee_id", "E" + (10_000 + random.nextInt(900)));
        fields.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        fields.put("amount", amount(category));
        fields.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
        fields.put("category", category);
        fields.put("submitted_at", now.minus(random.nextInt(72 * 60), ChronoUnit.MINUTES).toString());
        String[] texts = DESCRIPTIONS.get(category);
        fields.put("description", random.nextInt(10) == 0 ? null : texts[random.nextInt(texts.length)]);
        if (defect == null) {
            return new GeneratedRecord(id, json(fields), null, fields);
        }
        return switch (defect) {
            case NOT_JSON -> new GeneratedRecord(id, ("expense_id=" + id + ";amount=12.50").getBytes(java.nio.charset.StandardCharsets.UTF_8), defect, fields);
            case MISSING_AMOUNT -> {
                fields.remove("amount");
                yield new GeneratedRecord(id, json(fields), defect, fields);
            }
            case AMOUNT_NOT_A_NUMBER -> {
                fields.put("amount", "twelve fifty");
                yield new GeneratedRecord(id, json(fields), defect, fields);
            }
            case UNKNOWN_CATEGORY -> {
                fields.put("category", "ENTERTAINMENT");
                yield new GeneratedRecord(id, json(fields), defect, fields);
            }
            case BAD_TIMESTAMP -> {
                fields.put("submitted_at", "yesterday afternoon");
                yield new GeneratedRecord(id, json(fields), defect, fields);
            }
        };
    }

    private BigDecimal amount(String category) {
        double base = switch (category) {
            case "TRAVEL" -> 180;
            case "LODGING" -> 240;
            case "SOFTWARE" -> 90;
            case "TRAINING" -> 450;
            default -> 35;
        };
        double value = base * (0.3 + random.nextDouble() * 1.7);
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static byte[] json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
