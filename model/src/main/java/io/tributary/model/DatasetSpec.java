package io.tributary.model;

import java.nio.file.Path;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * One dataset of a zone as its descriptor declares it: the staging contract (an Avro schema),
 * its key and event-time fields, how it lands and is approved, and how its topics are sized.
 */
public record DatasetSpec(
        String name,
        String description,
        Path schemaFile,
        Schema schema,
        String keyField,
        String eventTimeField,
        LandingFormat landingFormat,
        ValidationMode validationMode,
        int partitions,
        Map<Stage, Retention> retention) {

    public DatasetSpec {
        retention = Map.copyOf(retention);
    }

    public TopicName topic(String zone, Stage stage) {
        return TopicName.of(zone, stage, name);
    }

    /** Retention of this dataset's topic in {@code stage}; stages not declared keep data for 7 days. */
    public Retention retention(Stage stage) {
        return retention.getOrDefault(stage, Defaults.RETENTION);
    }

    /** Platform defaults for what a descriptor leaves out. */
    public static final class Defaults {
        public static final int PARTITIONS = 3;
        public static final Retention RETENTION = Retention.parse("7d");
        public static final LandingFormat LANDING_FORMAT = LandingFormat.JSON;
        public static final ValidationMode VALIDATION_MODE = ValidationMode.RECORD;

        private Defaults() {
        }
    }
}
