package io.tributary.processors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;

import io.tributary.model.DatasetSpec;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.topology.DatasetContract;
import io.tributary.processors.topology.DatasetValidator;
import io.tributary.processors.topology.ValidatorLimits;
import io.tributary.processors.validation.WriterSchemas;

/** Validators for a zone's datasets with fixed staging schema ids, and writer schemas from a map. */
public final class TestValidators {
    private TestValidators() {
    }

    public static List<DatasetValidator> of(ZoneDescriptor zone, Map<String, Integer> ids) {
        return of(zone, ids, Map.of());
    }

    public static List<DatasetValidator> of(ZoneDescriptor zone, Map<String, Integer> ids, Map<Integer, Schema> writers) {
        List<DatasetValidator> validators = new ArrayList<>();
        for (DatasetSpec dataset : zone.datasets()) {
            validators.add(validator(dataset, ids.getOrDefault(dataset.name(), 100 + validators.size()), writers));
        }
        return validators;
    }

    public static DatasetValidator validator(DatasetSpec dataset, int id, Map<Integer, Schema> writers) {
        return new DatasetValidator(DatasetContract.of(dataset, dataset.schema(), id, 1, writers(writers), ValidatorLimits.DEFAULTS),
                ValidatorLimits.DEFAULTS);
    }

    public static WriterSchemas writers(Map<Integer, Schema> schemas) {
        return id -> Optional.ofNullable(schemas.get(id));
    }
}
