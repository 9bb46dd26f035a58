package io.tributary.processors.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a replay starts in every landing partition: an offset, or the first record at or after
 * a time. Parsed from {@code --from}: digits are an offset, ISO-8601 text with an offset is a time.
 */
public record ReplayStart(Long offset, Instant time) {

    public static ReplayStart parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("[0-9]{1,19}")) {
            return new ReplayStart(Long.parseLong(t), null);
        }
        try {
            return new ReplayStart(null, Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return new ReplayStart(null, java.time.OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("--from '" + text + "' is neither an offset (a whole number) nor a time"
                        + " (ISO-8601 with offset, e.g. 2024-05-01T10:00:00Z)");
            }
        }
    }

    @Override
    public String toString() {
        return offset != null ? "offset " + offset : "time " + time;
    }
}
