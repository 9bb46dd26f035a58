package io.tributary.model;

import java.util.List;

/**
 * How a dataset's CSV rows are read (RFC 4180 quoting: fields in double quotes, a quote inside
 * written twice).
 *
 * @param delimiter the column separator
 * @param nullToken a field with exactly this text is null; the empty string makes empty fields null
 * @param columns   the column names when the records carry no {@code tributary.csv.header}
 *                  header; empty means the schema's top-level fields in order
 */
public record CsvOptions(char delimiter, String nullToken, List<String> columns) {
    public static final CsvOptions DEFAULTS = new CsvOptions(',', "", List.of());

    public CsvOptions {
        columns = List.copyOf(columns);
    }
}
