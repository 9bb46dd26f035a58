package io.tributary.cli.batches;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Joins the records of the zone's batches topic ({@code _tributary.<zone>.batches}) by batch id for one dataset: arrival records
 * (key {@code arrival:<zone>.<dataset>/<batchId>}, written by the ingress source) and batch reports
 * (key {@code <zone>.<dataset>/<batchId>}, written by the validator, or by the source for a file it
 * rejected). The latest record of each kind wins. Unreadable values are skipped.
 */
public final class BatchCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARRIVAL = "arrival:";

    private final String reportPrefix;
    private final Map<String, JsonNode> arrivals = new LinkedHashMap<>();
    private final Map<String, JsonNode> reports = new LinkedHashMap<>();

    public BatchCatalog(String zone, String dataset) {
        this.reportPrefix = zone + "." + dataset + "/";
    }

    /** Takes one record of the batches topic in; those of other datasets are ignored. */
    public void add(byte[] key, byte[] value) {
        if (key == null || value == null) {
            return;
        }
        String k = new String(key, StandardCharsets.UTF_8);
        boolean arrival = k.startsWith(ARRIVAL);
        String rest = arrival ? k.substring(ARRIVAL.length()) : k;
        if (!rest.startsWith(reportPrefix)) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (IOException e) {
            return;
        }
        if (node == null || !node.isObject()) {
            return;
        }
        (arrival ? arrivals : reports).put(rest.substring(reportPrefix.length()), node);
    }

    /** Every batch, oldest arrival (or opening) first. */
    public List<BatchEntry> entries() {
        Map<String, BatchEntry> entries = new LinkedHashMap<>();
        arrivals.forEach((id, a) -> entries.put(id, entry(id, a, reports.get(id))));
        reports.forEach((id, r) -> entries.computeIfAbsent(id, i -> entry(i, null, r)));
        List<BatchEntry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(BatchEntry::arrivedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    private static BatchEntry entry(String id, JsonNode arrival, JsonNode report) {
        String source = arrival == null ? "-" : arrival.path("source").asText("-");
        long size = arrival == null ? -1 : arrival.path("size").asLong(-1);
        long records = arrival != null ? arrival.path("records").asLong() : report.path("records").asLong();
        String arrivedAt = arrival != null ? arrival.path("arrivedAt").asText(null) : report.path("openedAt").asText(null);
        if (report != null) {
            return new BatchEntry(id, source, size, records, arrivedAt, report.path("outcome").asText("?"), text(report, "reason"),
                    text(report, "message"), report.path("accepted").asInt(), report.path("rejected").asInt());
        }
        String status = "REJECTED".equals(arrival.path("status").asText()) ? "REJECTED" : "ARRIVED";
        return new BatchEntry(id, source, size, records, arrivedAt, status, text(arrival, "reason"), text(arrival, "message"), 0, 0);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
