package io.tributary.catalog;

import java.util.List;

/**
 * Athena (Trino) functions with the answers Trino gives, as one-row queries. The local DuckDB
 * engine must give the same answers; the Trino test checks that they are Trino's.
 */
public final class AthenaFunctionCases {
    /** A query of one value and the value, as text. */
    public record Case(String sql, String expected) {
        @Override
        public String toString() {
            return sql;
        }
    }

    public static final List<Case> CASES = List.of(
            new Case("SELECT date_format(TIMESTAMP '2024-03-05 07:08:09.123', '%Y-%m-%d %H:%i:%s')", "2024-03-05 07:08:09"),
            new Case("SELECT date_format(TIMESTAMP '2024-03-05 17:08:09', '%M %e, %Y %h:%i %p')", "March 5, 2024 05:08 PM"),
            new Case("SELECT date_format(TIMESTAMP '2024-03-05 07:08:09', '%T on %W, day %j')", "07:08:09 on Tuesday, day 065"),
            new Case("SELECT date_format(TIMESTAMP '2024-03-05 07:08:09', '%b %c/%d/%y 100%%')", "Mar 3/05/24 100%"),
            new Case("SELECT date_parse('2024-03-05 07:08:09', '%Y-%m-%d %H:%i:%s')", "2024-03-05 07:08:09"),
            new Case("SELECT CAST(date_parse('05/03/2024', '%d/%m/%Y') AS date)", "2024-03-05"),
            new Case("SELECT to_unixtime(from_iso8601_timestamp('2024-03-05T07:08:09+02:00'))", "1.709615289E9"),
            new Case("SELECT to_unixtime(from_iso8601_timestamp('2024-03-05T07:08:09.500Z'))", "1.7096224895E9"),
            new Case("SELECT from_iso8601_date('2024-03-05')", "2024-03-05"),
            new Case("SELECT to_unixtime(from_unixtime(1709622489))", "1.709622489E9"),
            new Case("SELECT date_diff('day', TIMESTAMP '2024-01-01 23:00:00', TIMESTAMP '2024-01-02 01:00:00')", "0"),
            new Case("SELECT date_diff('month', TIMESTAMP '2024-01-31 00:00:00', TIMESTAMP '2024-03-30 00:00:00')", "1"),
            new Case("SELECT date_add('month', 1, TIMESTAMP '2024-01-31 10:00:00')", "2024-02-29 10:00:00"),
            new Case("SELECT date_add('hour', -3, TIMESTAMP '2024-01-01 01:00:00')", "2023-12-31 22:00:00"),
            new Case("SELECT day_of_week(DATE '2024-03-03')", "7"),
            new Case("SELECT day_of_year(DATE '2024-03-05')", "65"),
            new Case("SELECT date_trunc('week', TIMESTAMP '2024-03-07 10:00:00')", "2024-03-04 00:00:00"),
            new Case("SELECT approx_distinct(x % 8) FROM (SELECT x FROM UNNEST(sequence(1, 1000)) AS t(x))", "8"),
            new Case("SELECT approx_percentile(x, 0.5) FROM (SELECT x FROM UNNEST(sequence(1, 101)) AS t(x))", "51"),
            new Case("SELECT regexp_like('expense EXP-0042', 'EXP-[0-9]+')", "true"),
            new Case("SELECT regexp_like('expense', '^x')", "false"),
            new Case("SELECT regexp_replace('a-b-c', '-')", "abc"),
            new Case("SELECT regexp_replace('a-b-c', '-', '+')", "a+b+c"),
            new Case("SELECT regexp_extract('EXP-0042', '[0-9]+')", "0042"),
            new Case("SELECT regexp_extract('EXP-0042', '(EXP)-([0-9]+)', 2)", "0042"),
            new Case("SELECT coalesce(regexp_extract('none', '[0-9]+'), 'null')", "null"),
            new Case("SELECT json_extract_scalar('{\"a\":{\"b\":\"x\"},\"n\":1.5}', '$.a.b')", "x"),
            new Case("SELECT json_extract_scalar('{\"a\":{\"b\":\"x\"},\"n\":1.5}', '$.n')", "1.5"),
            new Case("SELECT coalesce(json_extract_scalar('{\"a\":{\"b\":\"x\"}}', '$.a'), 'null')", "null"),
            new Case("SELECT coalesce(json_extract_scalar('{\"a\":1}', '$.missing'), 'null')", "null"),
            new Case("SELECT coalesce(json_extract_scalar('{not json', '$.a'), 'null')", "null"),
            new Case("SELECT 7 / 2", "3"),
            new Case("SELECT count_if(x > 2) FROM (VALUES (1), (2), (3), (4)) AS t(x)", "2"));

    private AthenaFunctionCases() {
    }
}
