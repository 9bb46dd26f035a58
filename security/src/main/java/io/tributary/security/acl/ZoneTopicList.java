package io.tributary.security.acl;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.EntitySpec;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;

/** Every topic a zone's descriptor gives it, in stage order, as zone-topics creates them. */
public final class ZoneTopicList {
    private ZoneTopicList() {
    }

    public record ZoneTopic(String name, Stage stage) {
    }

    public static List<ZoneTopic> of(ZoneDescriptor zone) {
        List<ZoneTopic> topics = new ArrayList<>();
        for (Stage stage : List.of(Stage.LANDING, Stage.STAGING, Stage.REJECTED)) {
            for (DatasetSpec dataset : zone.datasets()) {
                topics.add(new ZoneTopic(dataset.topic(zone.zone(), stage).toString(), stage));
            }
        }
        for (EntitySpec entity : zone.entities()) {
            topics.add(new ZoneTopic(entity.topic(zone.zone()).toString(), Stage.ODS));
            if (entity.sources().size() > 1) {
                topics.add(new ZoneTopic(entity.mappedTopic(zone.zone()), Stage.ODS));
            }
        }
        for (AnalyticalSpec output : zone.analytical()) {
            topics.add(new ZoneTopic(output.topic(zone.zone()).toString(), Stage.ANALYTICAL));
        }
        return topics;
    }

    /** The prefix every topic of {@code stage} in {@code zone} starts with: {@code <zone>.<stage>.}. */
    public static String stagePrefix(String zone, Stage stage) {
        return zone + "." + stage.id() + ".";
    }
}
