package io.tributary.model;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * One dataset of a zone as its descriptor declares it: the staging contract (an Avro schema),
 * its key and event-time fields, how it lands and is approved (format, coercion, rules, batch
 * settings), and how its topics are sized.
 *
 * @param timeZone where lenient coercion places timestamps written without an offset
 * @param csv      how CSV rows are read; defaults for other landing formats
 * @param rules    data-quality rules, in the order they are evaluated
 * @param batch    batch approval settings; defaults for {@code validationMode: record}
 * @param reference reference data (e.g. FX rates, code lists): its staging topic is compacted and
 *                 entity mappings look records up in it by key, as a global table
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
        Map<Stage, Retention> retention,
        Coercion coercion,
        ZoneId timeZone,
        CsvOptions csv,
        List<QualityRule> rules,
        BatchSettings batch,
        boolean reference) {

    public DatasetSpec {
        retention = Map.copyOf(retention);
        rules = List.copyOf(rules);
    }

    /** A dataset with the platform's approval defaults: strict coercion, UTC, default CSV options, no rules. */
    public DatasetSpec(String name, String description, Path schemaFile, Schema schema, String keyField, String eventTimeField,
            LandingFormat landingFormat, ValidationMode validationMode, int partitions, Map<Stage, Retention> retention) {
        this(name, description, schemaFile, schema, keyField, eventTimeField, landingFormat, validationMode, partitions, retention,
                Defaults.COERCION, Defaults.TIME_ZONE, CsvOptions.DEFAULTS, List.of(), BatchSettings.DEFAULTS, false);
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
        public static final Coercion COERCION = Coercion.STRICT;
        public static final ZoneId TIME_ZONE = ZoneOffset.UTC;

        private Defaults() {
        }
    }
}
