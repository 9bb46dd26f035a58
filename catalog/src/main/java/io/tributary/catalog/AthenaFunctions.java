package io.tributary.catalog;

import java.util.List;

/**
 * DuckDB macros that give common Athena (Trino) functions Trino's names, arguments and meaning,
 * so that analysts' SQL runs unchanged on the local engine. Where DuckDB has a function of the
 * same name with other semantics (date_diff counts boundaries, regexp_replace replaces the first
 * match, regexp_extract answers '' for no match, dow counts from Sunday), the macro replaces it
 * and calls DuckDB's own through {@code system.main}.
 */
final class AthenaFunctions {
    /** MySQL-style format specifiers (Trino's date_format, date_parse) to strftime's; %% is kept aside first. */
    private static final String MYSQL_TO_STRFTIME = """
            replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
              replace(f, '%%', chr(1)),
              '%M', '%B'), '%i', '%M'), '%T', '%H:%M:%S'), '%r', '%I:%M:%S %p'), '%W', '%A'), '%h', '%I'),
              '%l', '%-I'), '%k', '%-H'), '%e', '%-d'), '%c', '%-m'), '%s', '%S'), chr(1), '%%')""";

    static final List<String> MACROS = List.of(
            "CREATE MACRO tributary_strftime_format(f) AS " + MYSQL_TO_STRFTIME,
            // Dates and times (the session time zone is UTC, as Athena's).
            // DuckDB checks at creation that a format is constant unless the call cannot be typed yet: ts is left
            // untyped (strftime takes dates and timestamps), and s || '' keeps strptime's overload open.
            "CREATE MACRO date_format(ts, f) AS strftime(ts, tributary_strftime_format(f))",
            "CREATE MACRO date_parse(s, f) AS strptime(s || '', tributary_strftime_format(f))",
            "CREATE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)",
            "CREATE MACRO from_iso8601_date(s) AS CAST(s AS DATE)",
            "CREATE MACRO from_unixtime(n) AS to_timestamp(n)",
            "CREATE MACRO to_unixtime(ts) AS epoch(ts)",
            "CREATE MACRO date_add(unit, n, ts) AS CASE lower(unit)"
                    + " WHEN 'millisecond' THEN ts + to_milliseconds(n) WHEN 'second' THEN ts + to_seconds(n)"
                    + " WHEN 'minute' THEN ts + to_minutes(n) WHEN 'hour' THEN ts + to_hours(n) WHEN 'day' THEN ts + to_days(n)"
                    + " WHEN 'week' THEN ts + to_days(7 * n) WHEN 'month' THEN ts + to_months(n)"
                    + " WHEN 'quarter' THEN ts + to_months(3 * n) WHEN 'year' THEN ts + to_years(n) END",
            // Trino counts whole units elapsed; DuckDB's date_diff counts boundaries crossed, its date_sub whole units.
            "CREATE MACRO date_diff(unit, a, b) AS date_sub(unit, a, b)",
            "CREATE MACRO day_of_week(x) AS isodow(x)",
            "CREATE MACRO dow(x) AS isodow(x)",
            "CREATE MACRO day_of_year(x) AS dayofyear(x)",
            "CREATE MACRO year_of_week(x) AS isoyear(x)",
            // Arrays: Trino's sequence is inclusive, as DuckDB's generate_series.
            "CREATE MACRO sequence(a, b) AS generate_series(a, b), (a, b, step) AS generate_series(a, b, step)",
            // Aggregates.
            "CREATE MACRO approx_distinct(x) AS approx_count_distinct(x)",
            "CREATE MACRO approx_percentile(x, p) AS approx_quantile(x, p)",
            // Trino counts in bigint; DuckDB's count_if answers a 128-bit integer.
            "CREATE MACRO count_if(x) AS CAST(system.main.count_if(x) AS BIGINT)",
            // Strings and regular expressions (Java-like syntax in Trino, RE2 in DuckDB: the common subset agrees).
            "CREATE MACRO regexp_like(s, p) AS regexp_matches(s, p)",
            "CREATE MACRO regexp_replace(s, p) AS system.main.regexp_replace(s, p, '', 'g'),"
                    + " (s, p, r) AS system.main.regexp_replace(s, p, r, 'g')",
            "CREATE MACRO regexp_extract(s, p) AS CASE WHEN regexp_matches(s, p) THEN system.main.regexp_extract(s, p) END,"
                    + " (s, p, g) AS CASE WHEN regexp_matches(s, p) THEN system.main.regexp_extract(s, p, g) END",
            // JSON: Trino answers NULL where the text is not JSON or the path leads to an object or an array.
            "CREATE MACRO json_extract_scalar(j, path) AS CASE WHEN NOT json_valid(j) THEN NULL"
                    + " WHEN json_type(j, path) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, path) END",
            "CREATE MACRO json_size(j, path) AS CASE json_type(j, path) WHEN 'ARRAY' THEN system.main.json_array_length(j, path)"
                    + " WHEN 'OBJECT' THEN len(json_keys(j, path)) ELSE 0 END");

    /** The function names the macros define, for the docs and the tests. */
    static final List<String> NAMES = List.of("date_format", "date_parse", "from_iso8601_timestamp", "from_iso8601_date",
            "from_unixtime", "to_unixtime", "date_add", "date_diff", "day_of_week", "dow", "day_of_year", "year_of_week",
            "sequence", "approx_distinct", "approx_percentile", "count_if", "regexp_like", "regexp_replace", "regexp_extract", "json_extract_scalar",
            "json_size");

    private AthenaFunctions() {
    }
}
