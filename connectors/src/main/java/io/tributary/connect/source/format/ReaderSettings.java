package io.tributary.connect.source.format;

import java.time.ZoneId;
import java.util.Optional;

/**
 * How files are turned into landing records.
 *
 * @param csvRaw       true: a CSV row is landed as CSV text with the header in {@code tributary.csv.header};
 *                     false: as a JSON object of the header's column names to the cells' text
 * @param csvDelimiter the CSV delimiter
 * @param sheet        the workbook sheet to read; empty for the first
 * @param timeZone     where a workbook's date-times were entered: when given they are written as instants
 *                     with their offset ({@code 2024-05-02T09:31:00+02:00}), else as local date-times
 */
public record ReaderSettings(boolean csvRaw, char csvDelimiter, String sheet, Optional<ZoneId> timeZone) {
    public static final ReaderSettings DEFAULTS = new ReaderSettings(false, ',', "");

    public ReaderSettings(boolean csvRaw, char csvDelimiter, String sheet) {
        this(csvRaw, csvDelimiter, sheet, Optional.empty());
    }
}
