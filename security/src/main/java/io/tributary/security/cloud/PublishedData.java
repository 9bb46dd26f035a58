package io.tributary.security.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.model.Publication;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;

/**
 * What the zones publish to each other, resolved to where the data is: a published entity lives
 * in its zone's ods, a published dataset in its staging (only approved data ever crosses zones).
 * Refuses a publication to a zone that is not among the descriptors, naming file, line and field.
 */
public final class PublishedData {

    /** One published dataset or entity: {@code <zone>.<stage>.<name>}. */
    public record Item(String zone, Stage stage, String name) {
        /** The topic, and so the subject prefix ({@code <topic>-}) and S3 folder. */
        public String topic() {
            return zone + "." + stage.id() + "." + name;
        }
    }

    private final Map<String, List<Item>> byConsumer;

    private PublishedData(Map<String, List<Item>> byConsumer) {
        this.byConsumer = byConsumer;
    }

    public static PublishedData of(List<ZoneDescriptor> zones) {
        Map<String, ZoneDescriptor> byName = new LinkedHashMap<>();
        zones.forEach(z -> byName.put(z.zone(), z));
        Map<String, List<Item>> byConsumer = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ZoneDescriptor owner : zones) {
            for (int i = 0; i < owner.publishes().size(); i++) {
                Publication publication = owner.publishes().get(i);
                List<Item> items = itemsOf(owner, publication);
                if (items.isEmpty()) {
                    problems.add(where(owner, publication) + "zone " + owner.zone() + " publishes '" + publication.dataset()
                            + "', which is neither a dataset nor an entity of it");
                }
                for (String consumer : publication.to()) {
                    if (!byName.containsKey(consumer)) {
                        problems.add(where(owner, publication) + "zone " + owner.zone() + " publishes " + publication.dataset()
                                + " to zone '" + consumer + "', which is not among the descriptors (zones: " + byName.keySet() + ")");
                        continue;
                    }
                    byConsumer.computeIfAbsent(consumer, c -> new ArrayList<>()).addAll(items);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CloudPolicyException("Cannot derive access from the zone descriptors:\n  " + String.join("\n  ", problems));
        }
        return new PublishedData(byConsumer);
    }

    /** What other zones publish to {@code zone}, in descriptor order. */
    public List<Item> publishedTo(String zone) {
        return List.copyOf(byConsumer.getOrDefault(zone, List.of()));
    }

    private static List<Item> itemsOf(ZoneDescriptor owner, Publication publication) {
        List<Item> items = new ArrayList<>();
        owner.entity(publication.dataset()).ifPresent(e -> items.add(new Item(owner.zone(), Stage.ODS, e.name())));
        owner.dataset(publication.dataset()).ifPresent(d -> items.add(new Item(owner.zone(), Stage.STAGING, d.name())));
        return items;
    }

    private static String where(ZoneDescriptor owner, Publication publication) {
        String file = owner.source() == null ? "zone " + owner.zone() : owner.source().toString();
        if (publication.place() == null || publication.place().line() <= 0) {
            return file + ": publishes: ";
        }
        return file + ":" + publication.place().line() + ":" + publication.place().column() + ": " + publication.place().field() + ": ";
    }
}
