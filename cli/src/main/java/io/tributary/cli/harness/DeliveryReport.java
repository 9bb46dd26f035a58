package io.tributary.cli.harness;

import java.util.List;

/**
 * What the delivery check found: how many were produced and arrived, and every key that was
 * lost, duplicated, altered, misrouted (a valid one rejected, an invalid one in the lake) or
 * unexpected (in the lake or the rejected topic but never produced).
 */
public record DeliveryReport(int produced, int inLake, int rejected, List<String> lost, List<String> duplicated,
                             List<String> altered, List<String> misrouted, List<String> unexpected) {

    public DeliveryReport {
        lost = List.copyOf(lost);
        duplicated = List.copyOf(duplicated);
        altered = List.copyOf(altered);
        misrouted = List.copyOf(misrouted);
        unexpected = List.copyOf(unexpected);
    }

    public boolean ok() {
        return lost.isEmpty() && duplicated.isEmpty() && altered.isEmpty() && misrouted.isEmpty() && unexpected.isEmpty();
    }

    /** One line for logs and the console; lists at most five keys of each problem. */
    public String summary() {
        return String.format("produced %d, in the lake %d, rejected %d; lost %d%s, duplicated %d%s, altered %d%s, misrouted %d%s, unexpected %d%s",
                produced, inLake, rejected, lost.size(), sample(lost), duplicated.size(), sample(duplicated),
                altered.size(), sample(altered), misrouted.size(), sample(misrouted), unexpected.size(), sample(unexpected));
    }

    private static String sample(List<String> keys) {
        return keys.isEmpty() ? "" : " " + keys.subList(0, Math.min(5, keys.size()));
    }
}
