package io.tributary.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to a query: columns and rows. Values are plain Java objects (Long, Double,
 * BigDecimal, String, Boolean, LocalDate, LocalDateTime, OffsetDateTime, byte[], List, Map, or
 * null). {@code truncated} says the query had more rows than were fetched.
 */
public record QueryResult(List<Column> columns, List<List<Object>> rows, boolean truncated) {

    public QueryResult {
        columns = List.copyOf(columns);
        // List.copyOf refuses nulls, and SQL values may be null.
        List<List<Object>> copy = new ArrayList<>(rows.size());
        rows.forEach(r -> copy.add(Collections.unmodifiableList(new ArrayList<>(r))));
        rows = Collections.unmodifiableList(copy);
    }

    public int rowCount() {
        return rows.size();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The value in {@code row} of the column named {@code column}. */
    public Object value(int row, String column) {
        int index = columnNames().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + columnNames());
        }
        return rows.get(row).get(index);
    }

    /** The result as an aligned text table. */
    public String render() {
        return new TablePrinter().render(this);
    }
}
