package io.tributary.cli.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares every record produced with what arrived: each valid record exactly once in the lake
 * with the checksum it was sent with, each invalid one exactly once in the rejected topic, and
 * nothing else in either. Pure: it takes views, so a broken sink can be simulated in a test.
 */
public final class DeliveryCheck {

    public DeliveryReport check(Collection<ProducedRecord> produced, Collection<ArrivedRecord> lake, Collection<String> rejectedKeys) {
        Map<String, ProducedRecord> byKey = new HashMap<>(produced.size() * 2);
        for (ProducedRecord p : produced) {
            if (byKey.put(p.key(), p) != null) {
                throw new IllegalArgumentException("the run produced key " + p.key() + " twice: keys must be unique for the check");
            }
        }
        Map<String, List<String>> lakeChecksums = new HashMap<>(lake.size() * 2);
        lake.forEach(a -> lakeChecksums.computeIfAbsent(a.key(), k -> new ArrayList<>(1)).add(a.checksum()));
        Map<String, Integer> rejectedCounts = new HashMap<>();
        rejectedKeys.forEach(k -> rejectedCounts.merge(k, 1, Integer::sum));

        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        List<String> misrouted = new ArrayList<>();
        for (ProducedRecord p : produced) {
            List<String> inLake = lakeChecksums.getOrDefault(p.key(), List.of());
            int inRejected = rejectedCounts.getOrDefault(p.key(), 0);
            int expectedPlace = p.valid() ? inLake.size() : inRejected;
            int otherPlace = p.valid() ? inRejected : inLake.size();
            if (otherPlace > 0) {
                misrouted.add(p.key());
            } else if (expectedPlace == 0) {
                lost.add(p.key());
            }
            if (expectedPlace > 1) {
                duplicated.add(p.key());
            }
            if (p.valid() && inLake.stream().anyMatch(c -> !c.equals(p.checksum()))) {
                altered.add(p.key());
            }
        }
        List<String> unexpected = new ArrayList<>();
        lakeChecksums.keySet().stream().filter(k -> !byKey.containsKey(k)).forEach(unexpected::add);
        rejectedCounts.keySet().stream().filter(k -> !byKey.containsKey(k)).forEach(unexpected::add);
        return new DeliveryReport(produced.size(), lake.size(), rejectedKeys.size(), sorted(lost), sorted(duplicated),
                sorted(altered), sorted(misrouted), sorted(unexpected));
    }

    private static List<String> sorted(List<String> keys) {
        keys.sort(null);
        return keys;
    }
}
