package io.tributary.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a stage's topic keeps data: a duration, or forever. */
public record Retention(long ms) {
    public static final Retention FOREVER = new Retention(-1);
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w)");

    public Retention {
        if (ms < -1 || ms == 0) {
            throw new IllegalArgumentException("retention must be positive or forever, not " + ms + " ms");
        }
    }

    public static Retention of(Duration duration) {
        return new Retention(duration.toMillis());
    }

    public boolean isForever() {
        return ms == -1;
    }

    /**
     * Parses {@code 7d}, {@code 12h}, {@code 30m}, {@code 90s}, {@code 500ms}, {@code 2w} or
     * {@code forever}.
     */
    public static Retention parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("forever")) {
            return FOREVER;
        }
        Matcher m = TEXT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a retention: use a number with ms, s, m, h, d or w (e.g. 7d), or 'forever'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("retention '" + text + "' is zero");
        }
        return of(d);
    }

    @Override
    public String toString() {
        return isForever() ? "forever" : Duration.ofMillis(ms).toString();
    }
}
