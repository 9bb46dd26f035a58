package io.tributary.cli.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference data the example zones' ods pipelines look up: finance's euro rates for every
 * currency {@link ExpenseGenerator} uses, and the departments hr publishes to finance. Sent before
 * the claims, since a claim whose currency has no rate is rejected (the descriptor's onMiss: reject).
 */
public final class ReferenceData {
    public static final String FX_RATES = "finance.landing.fx_rates";
    public static final String DEPARTMENTS = "hr.landing.departments";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, BigDecimal> RATES_TO_EUR = Map.of(
            "EUR", new BigDecimal("1.0"), "USD", new BigDecimal("0.92"), "GBP", new BigDecimal("1.17"));
    private static final List<List<String>> DEPARTMENT_ROWS = List.of(
            List.of("sales", "Sales", "CC-100"), List.of("engineering", "Engineering", "CC-200"),
            List.of("marketing", "Marketing", "CC-300"), List.of("finance", "Finance", "CC-400"),
            List.of("operations", "Operations", "CC-500"), List.of("legal", "Legal", "CC-600"),
            List.of("hr", "Human Resources", "CC-700"));

    private ReferenceData() {
    }

    /** Euros per unit of {@code currency}. */
    public static BigDecimal rateToEur(String currency) {
        BigDecimal rate = RATES_TO_EUR.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no example rate for currency " + currency);
        }
        return rate;
    }

    public static List<ExpenseGenerator.GeneratedRecord> fxRates() {
        return RATES_TO_EUR.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("currency", e.getKey());
            fields.put("rate_to_eur", e.getValue());
            return record(e.getKey(), fields);
        }).toList();
    }

    public static List<ExpenseGenerator.GeneratedRecord> departments() {
        return DEPARTMENT_ROWS.stream().map(row -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("code", row.get(0));
            fields.put("name", row.get(1));
            fields.put("cost_center", row.get(2));
            return record(row.get(0), fields);
        }).toList();
    }

    /** The department's display name, as the facts should carry it. */
    public static String departmentName(String code) {
        return DEPARTMENT_ROWS.stream().filter(r -> r.get(0).equals(code)).map(r -> r.get(1)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example department " + code));
    }

    private static ExpenseGenerator.GeneratedRecord record(String key, Map<String, Object> fields) {
        try {
            return new ExpenseGenerator.GeneratedRecord(key, JSON.writeValueAsBytes(fields), null, fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
