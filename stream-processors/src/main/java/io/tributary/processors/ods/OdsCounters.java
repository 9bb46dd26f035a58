package io.tributary.processors.ods;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the ods steps count, per zone and entity: records mapped, rejected, lookups missed (per
 * lookup), versions written and records dropped as older or duplicate. Exposed as metrics by the
 * application; read directly by tests.
 */
public final class OdsCounters {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void mapped(String zone, String entity, String dataset) {
        add("mapped", zone, entity, "dataset", dataset);
    }

    void rejected(String zone, String entity, String dataset) {
        add("rejected", zone, entity, "dataset", dataset);
    }

    void lookupMissed(String zone, String entity, String lookup) {
        add("lookup_missed", zone, entity, "lookup", lookup);
    }

    void written(String zone, String entity) {
        add("written", zone, entity, null, null);
    }

    void dropped(String zone, String entity) {
        add("dropped", zone, entity, null, null);
    }

    /** e.g. {@code mapped{zone=finance,entity=expense,dataset=expenses}} → count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public long get(String name, String zone, String entity, String tag, String value) {
        LongAdder adder = counts.get(key(name, zone, entity, tag, value));
        return adder == null ? 0 : adder.sum();
    }

    private void add(String name, String zone, String entity, String tag, String value) {
        counts.computeIfAbsent(key(name, zone, entity, tag, value), k -> new LongAdder()).increment();
    }

    static String key(String name, String zone, String entity, String tag, String value) {
        return name + "{zone=" + zone + ",entity=" + entity + (tag == null ? "" : "," + tag + "=" + value) + "}";
    }
}
