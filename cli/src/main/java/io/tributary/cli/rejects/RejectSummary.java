package io.tributary.cli.rejects;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Rejects grouped by reason, most frequent first, with where in the records they are and the latest examples. */
public record RejectSummary(int total, List<Group> groups) {

    /** One reason: how many, which rules and fields (with counts), the latest examples. */
    public record Group(String reason, int count, Map<String, Long> rules, Map<String, Long> fields, List<Reject> latest) {
    }

    public static RejectSummary of(List<Reject> rejects, int examples) {
        Map<String, List<Reject>> byReason = rejects.stream().collect(Collectors.groupingBy(Reject::reason));
        List<Group> groups = byReason.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue().size(), counts(e.getValue(), Reject::rule), counts(e.getValue(), Reject::field),
                        e.getValue().stream().sorted(Comparator.comparingLong(Reject::timestamp).reversed()).limit(examples).toList()))
                .sorted(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::reason))
                .toList();
        return new RejectSummary(rejects.size(), groups);
    }

    private static Map<String, Long> counts(List<Reject> rejects, Function<Reject, String> key) {
        return rejects.stream().map(key).filter(k -> !k.isEmpty())
                .collect(Collectors.groupingBy(k -> k, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public void print(PrintWriter out) {
        int width = Math.max(6, groups.stream().mapToInt(g -> g.reason().length()).max().orElse(6));
        out.printf("%-" + width + "s  %6s  %s%n", "REASON", "COUNT", "RULES / FIELDS");
        for (Group g : groups) {
            String where = join(g.rules(), "rule ") + (g.rules().isEmpty() || g.fields().isEmpty() ? "" : "; ") + join(g.fields(), "");
            out.printf("%-" + width + "s  %6d  %s%n", g.reason(), g.count(), where.isEmpty() ? "(whole record)" : where);
        }
        for (Group g : groups) {
            out.println();
            out.println(g.reason() + ", latest:");
            for (Reject r : g.latest()) {
                out.println("  " + r.source() + (r.batchId() == null ? "" : " batch " + r.batchId())
                        + (r.field().isEmpty() ? "" : " " + r.field()) + ": " + r.message());
            }
        }
        out.flush();
    }

    private static String join(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream().map(e -> prefix + e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
