package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.cli.demo.ExpenseGenerator;
import io.tributary.cli.demo.ExpenseGenerator.Defect;
import io.tributary.cli.demo.ExpenseGenerator.GeneratedRecord;

class ExpenseGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void makesTheAskedNumberOfValidAndBrokenRecordsWithEveryDefect() throws Exception {
        List<GeneratedRecord> records = new ExpenseGenerator(7, NOW).generate(100, 10);
        assertThat(records).hasSize(100);
        Map<Defect, Long> defects = records.stream().filter(r -> !r.valid())
                .collect(Collectors.groupingBy(GeneratedRecord::defect, Collectors.counting()));
        assertThat(defects).containsOnlyKeys(Defect.values()).allSatisfy((d, n) -> assertThat(n).isEqualTo(2L));
        assertThat(records.stream().map(GeneratedRecord::key).distinct()).hasSize(100);
        ObjectMapper json = new ObjectMapper();
        for (GeneratedRecord r : records.stream().filter(GeneratedRecord::valid).toList()) {
            JsonNode node = json.readTree(r.value());
            assertThat(node.get("expense_id").asText()).isEqualTo(r.key());
            assertThat(node.get("amount").decimalValue()).isEqualByComparingTo((java.math.BigDecimal) r.fields().get("amount"));
            assertThat(((java.math.BigDecimal) r.fields().get("amount")).scale()).isEqualTo(2);
            assertThat(Instant.parse(node.get("submitted_at").asText())).isBefore(NOW.plusSeconds(1));
        }
    }

    @Test
    void sameSeedSameRecords() {
        List<GeneratedRecord> a = new ExpenseGenerator(3, NOW).generate(20, 5);
        List<GeneratedRecord> b = new ExpenseGenerator(3, NOW).generate(20, 5);
        assertThat(a).extracting(r -> new String(r.value())).isEqualTo(b.stream().map(r -> new String(r.value())).toList());
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> new ExpenseGenerator(1, NOW).generate(3, 4)).hasMessageContaining("4 invalid records out of 3");
    }
}
