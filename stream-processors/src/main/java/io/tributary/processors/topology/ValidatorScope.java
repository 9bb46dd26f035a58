package io.tributary.processors.topology;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.model.ValidationMode;
import io.tributary.model.ZoneDescriptor;

/** What one zone's validator covers: every dataset of the zone, their topics, and its Kafka Streams application id. */
public record ValidatorScope(ZoneDescriptor zone) {

    public static ValidatorScope of(ZoneDescriptor zone) {
        return new ValidatorScope(zone);
    }

    public static String applicationId(String zone) {
        return "tributary-" + zone + "-validator";
    }

    public String applicationId() {
        return applicationId(zone.zone());
    }

    public List<DatasetSpec> datasets() {
        return zone.datasets();
    }

    public boolean hasBatchDatasets() {
        return zone.datasets().stream().anyMatch(d -> d.validationMode() == ValidationMode.BATCH);
    }

    /** Landing, staging and rejected topics of every dataset: the validator starts once they all exist. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (DatasetSpec dataset : zone.datasets()) {
            for (Stage stage : List.of(Stage.LANDING, Stage.STAGING, Stage.REJECTED)) {
                topics.add(dataset.topic(zone.zone(), stage).toString());
            }
        }
        return topics;
    }
}
