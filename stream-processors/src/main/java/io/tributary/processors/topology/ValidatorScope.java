package io.tributary.processors.topology;

import java.util.ArrayList;
import java.util.List;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.validation.LandingParsers;

/**
 * What one zone's validator covers: the datasets whose landing format it can read (JSON in this
 * version), their topics, and its Kafka Streams application id.
 */
public record ValidatorScope(ZoneDescriptor zone, List<DatasetSpec> validated, List<DatasetSpec> skipped) {

    public ValidatorScope {
        validated = List.copyOf(validated);
        skipped = List.copyOf(skipped);
    }

    public static ValidatorScope of(ZoneDescriptor zone) {
        List<DatasetSpec> validated = new ArrayList<>();
        List<DatasetSpec> skipped = new ArrayList<>();
        for (DatasetSpec dataset : zone.datasets()) {
            (LandingParsers.forDataset(dataset).isPresent() ? validated : skipped).add(dataset);
        }
        return new ValidatorScope(zone, validated, skipped);
    }

    public static String applicationId(String zone) {
        return "tributary-" + zone + "-validator";
    }

    public String applicationId() {
        return applicationId(zone.zone());
    }

    /** Landing, staging and rejected topics of every validated dataset: the validator starts once they all exist. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (DatasetSpec dataset : validated) {
            for (Stage stage : List.of(Stage.LANDING, Stage.STAGING, Stage.REJECTED)) {
                topics.add(dataset.topic(zone.zone(), stage).toString());
            }
        }
        return topics;
    }
}
