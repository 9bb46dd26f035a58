package io.tributary.security.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/**
 * Three zones written as descriptor files: finance publishes its entity {@code expense} to audit
 * and uses hr's {@code departments}, which hr publishes to finance; audit publishes nothing.
 */
public final class TestZones {
    private static final String EXPENSE = """
            {"type": "record", "name": "%s", "namespace": "test.finance", "fields": [
              {"name": "expense_id", "type": "string"},
              {"name": "amount", "type": "double"},
              {"name": "submitted_at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}
            """;
    private static final String DEPARTMENT = """
            {"type": "record", "name": "Department", "namespace": "test.hr", "fields": [
              {"name": "code", "type": "string"}, {"name": "name", "type": "string"}]}
            """;
    private static final String FINDING = """
            {"type": "record", "name": "Finding", "namespace": "test.audit", "fields": [
              {"name": "finding_id", "type": "string"}]}
            """;

    private TestZones() {
    }

    public static List<ZoneDescriptor> write(Path dir) {
        return write(dir, "audit");
    }

    /** @param financePublishesTo the zone finance publishes its expense entity to (an unknown one to test errors) */
    public static List<ZoneDescriptor> write(Path dir, String financePublishesTo) {
        try {
            Files.writeString(dir.resolve("expenses.avsc"), EXPENSE.formatted("Expenses"));
            Files.writeString(dir.resolve("expense.avsc"), EXPENSE.formatted("Expense"));
            Files.writeString(dir.resolve("department.avsc"), DEPARTMENT);
            Files.writeString(dir.resolve("finding.avsc"), FINDING);
            Files.writeString(dir.resolve("finance.yaml"), """
                    zone: finance
                    description: Finance
                    owners: [finance@example.com]
                    steward: controller@example.com
                    datasets:
                      - name: expenses
                        description: Expense claims
                        schema: expenses.avsc
                        keyField: expense_id
                    uses: [hr.departments]
                    publishes:
                      - {dataset: expense, to: [%s]}
                    entities:
                      - name: expense
                        schema: expense.avsc
                        key: expense_id
                        version: {eventTime: submitted_at}
                        sources:
                          - dataset: expenses
                    """.formatted(financePublishesTo));
            Files.writeString(dir.resolve("hr.yaml"), """
                    zone: hr
                    description: Human resources
                    owners: [hr@example.com]
                    steward: hr-controller@example.com
                    datasets:
                      - name: departments
                        description: Departments
                        schema: department.avsc
                        keyField: code
                        reference: true
                      - name: salaries
                        description: Not published to anyone
                        schema: department.avsc
                        keyField: code
                    publishes:
                      - {dataset: departments, to: [finance]}
                    """);
            Files.writeString(dir.resolve("audit.yaml"), """
                    zone: audit
                    description: Internal audit
                    owners: [audit@example.com]
                    steward: auditor@example.com
                    datasets:
                      - name: findings
                        description: Audit findings
                        schema: finding.avsc
                        keyField: finding_id
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DescriptorLoader.loadDirectory(dir).stream().sorted(Comparator.comparing(ZoneDescriptor::zone)).toList();
    }
}
