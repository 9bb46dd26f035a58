package io.tributary.connect.source.format;

/**
 * One data row of a file as a landing value.
 *
 * @param number 1-based position among the file's data rows (the header is not counted)
 * @param where  where it is in the file, for people: {@code line 12}, {@code row 7 of sheet 'Claims'}
 * @param value  the landing record's value (UTF-8 JSON, or a CSV row for raw CSV)
 */
public record FileRow(long number, String where, byte[] value) {
}
