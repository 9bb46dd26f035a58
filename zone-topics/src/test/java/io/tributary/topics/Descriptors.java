package io.tributary.topics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

import io.tributary.model.DatasetSpec;
import io.tributary.model.LandingFormat;
import io.tributary.model.Retention;
import io.tributary.model.Stage;
import io.tributary.model.ValidationMode;
import io.tributary.model.ZoneDescriptor;

/** Zone descriptors for tests, built in code so that tests do not depend on the YAML loader. */
final class Descriptors {
    static final long SEVEN_DAYS = 604_800_000L;
    static final long ONE_DAY = 86_400_000L;

    private Descriptors() {
    }

    static ZoneDescriptor zone(String zone, DatasetSpec... datasets) {
        return new ZoneDescriptor(zone, "test zone " + zone, List.of("owner@example.com"), "steward@example.com",
                List.of(datasets), Path.of(zone + ".yaml"));
    }

    static DatasetSpec dataset(String name, int partitions, Map<Stage, Retention> retention) {
        return dataset(name, partitions, retention, schema(name, false));
    }

    static DatasetSpec dataset(String name, int partitions, Map<Stage, Retention> retention, Schema schema) {
        return new DatasetSpec(name, "dataset " + name, Path.of(name + ".avsc"), schema, "id", "at",
                LandingFormat.JSON, ValidationMode.RECORD, partitions, retention);
    }

    /** A record schema; {@code withCurrency} adds an optional field, as a schema evolves. */
    static Schema schema(String name, boolean withCurrency) {
        var fields = SchemaBuilder.record(name).namespace("io.tributary.test").fields()
                .requiredString("id")
                .requiredDouble("amount")
                .requiredLong("at");
        if (withCurrency) {
            fields = fields.name("currency").type().stringType().stringDefault("EUR");
        }
        return fields.endRecord();
    }
}
