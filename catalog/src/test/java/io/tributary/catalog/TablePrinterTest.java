package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TablePrinterTest {
    private final TablePrinter printer = new TablePrinter();

    @Test
    void alignsNumberColumnsRightAndTextLeftAndShowsNull() {
        QueryResult result = new QueryResult(
                List.of(new Column("zone", "VARCHAR"), new Column("records", "BIGINT"), new Column("amount", "DECIMAL(10,2)")),
                List.of(Arrays.asList("finance", 12345L, new BigDecimal("10.50")), Arrays.asList("hr", 7L, null)),
                false);

        assertThat(printer.render(result)).isEqualTo("""
                 zone    | records | amount
                ---------+---------+--------
                 finance |   12345 |  10.50
                 hr      |       7 |   NULL
                (2 rows)""");
    }

    @Test
    void emptyAndTruncatedResultsSaySo() {
        QueryResult empty = new QueryResult(List.of(new Column("id", "VARCHAR")), List.of(), false);
        QueryResult truncated = new QueryResult(List.of(new Column("id", "INTEGER")), List.of(List.of(1)), true);

        assertThat(printer.render(empty)).isEqualTo(" id\n----\n(0 rows)");
        assertThat(printer.render(truncated)).endsWith("(1 row; more rows were not fetched)");
    }

    @Test
    void alignmentFollowsTheColumnTypeEvenWhenEveryValueIsNull() {
        QueryResult result = new QueryResult(List.of(new Column("note", "VARCHAR"), new Column("total", "DECIMAL(18,2)")),
                List.of(Arrays.asList(null, null), Arrays.asList("a longer note", null)), false);

        assertThat(printer.render(result)).isEqualTo("""
                 note          | total
                ---------------+-------
                 NULL          |  NULL
                 a longer note |  NULL
                (2 rows)""");
        assertThat(TablePrinter.isNumeric("UBIGINT")).isTrue();
        assertThat(TablePrinter.isNumeric("INTERVAL")).isFalse();
        assertThat(TablePrinter.isNumeric("TIMESTAMP WITH TIME ZONE")).isFalse();
    }

    @Test
    void formatsTemporalBinaryNestedAndMultiLineValuesOnOneLine() {
        Map<Object, Object> struct = new LinkedHashMap<>();
        struct.put("a", 1);
        struct.put("b", "x");

        assertThat(TablePrinter.format(LocalDateTime.of(2024, 1, 15, 10, 0))).isEqualTo("2024-01-15 10:00:00");
        assertThat(TablePrinter.format(OffsetDateTime.of(2024, 1, 15, 10, 0, 0, 5_000_000, ZoneOffset.UTC)))
                .isEqualTo("2024-01-15 10:00:00.005Z");
        assertThat(TablePrinter.format(LocalDate.of(2024, 1, 15))).isEqualTo("2024-01-15");
        assertThat(TablePrinter.format(new byte[] {1, (byte) 0xab})).isEqualTo("\\x01ab");
        assertThat(TablePrinter.format(Arrays.asList(1, null, "two"))).isEqualTo("[1, NULL, two]");
        assertThat(TablePrinter.format(struct)).isEqualTo("{a: 1, b: x}");
        assertThat(TablePrinter.format("line one\nline\ttwo")).isEqualTo("line one\\nline\\ttwo");
        assertThat(TablePrinter.format(new BigDecimal("1E+3"))).isEqualTo("1000");
    }
}
