package io.tributary.connect.s3.rotation;

import java.util.Optional;

/**
 * Decides when an open file is complete. Each file is judged on its own, so a late record in
 * one folder never makes the files of other folders rotate. Each answer is the reason for
 * rotating, for the log, or empty.
 */
public interface RotationPolicy {

    /** Before a record with {@code eventTime} is appended to {@code file}: would it make the file too wide? */
    default Optional<String> beforeAppend(FileStats file, long eventTime) {
        return Optional.empty();
    }

    /** After a record was appended: is the file full? */
    default Optional<String> afterAppend(FileStats file) {
        return Optional.empty();
    }

    /** On the clock, records or not. */
    default Optional<String> onClock(FileStats file, long nowMillis) {
        return Optional.empty();
    }
}
