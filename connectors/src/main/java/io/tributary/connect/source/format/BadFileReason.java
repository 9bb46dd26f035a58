package io.tributary.connect.source.format;

/** Why a file's batch was rejected before any of its rows reached landing. */
public enum BadFileReason {
    /** No data rows (a zero-byte file, or a header and nothing else). */
    EMPTY_FILE,
    /** The bytes are not the format the extension promises (a damaged zip, not Parquet, …). */
    CORRUPT_FILE,
    /** The file ends in the middle of a value (a quoted CSV cell, a JSON document, a Parquet footer). */
    TRUNCATED_FILE,
    /** A password-protected (encrypted) workbook: the platform has no password to open it. */
    ENCRYPTED_FILE,
    /** An extension the source does not read (or a legacy .xls). */
    UNSUPPORTED_FORMAT,
    /** Text that is not UTF-8. */
    WRONG_ENCODING,
    /** The header row is missing, has an empty or duplicate column name. */
    BAD_HEADER,
    /** A row the format cannot turn into a record (wrong number of cells, not a JSON object, a cell holding an error). */
    BAD_ROW,
    /** The named sheet is not in the workbook. */
    SHEET_NOT_FOUND,
    /** The file's folder names a dataset whose landing topic does not exist (not declared in the zone). */
    UNKNOWN_DATASET
}
