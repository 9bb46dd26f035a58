package io.tributary.processors.topology;

import org.apache.avro.Schema;

import io.tributary.model.DatasetSpec;
import io.tributary.processors.rules.RuleSet;
import io.tributary.processors.validation.LandingParser;
import io.tributary.processors.validation.LandingParsers;
import io.tributary.processors.validation.WriterSchemas;

/**
 * One version of a dataset's staging contract, ready to apply: the schema and its registry id,
 * the landing parser converting to it, the rules compiled against it and the staging encoder.
 * Immutable; a new registered version makes a new contract.
 */
public record DatasetContract(DatasetSpec dataset, Schema schema, int schemaId, int version, LandingParser parser, RuleSet rules,
                              StagingEncoder encoder) {

    /**
     * Builds the contract for {@code schema} (registered as {@code schemaId}, {@code version} under
     * the staging subject; 0 when unknown). Fails if the dataset's rules do not compile against it
     * or its key field is missing: such a version cannot be applied.
     */
    public static DatasetContract of(DatasetSpec dataset, Schema schema, int schemaId, int version, WriterSchemas writers,
            ValidatorLimits limits) {
        return new DatasetContract(dataset, schema, schemaId, version,
                LandingParsers.forDataset(dataset, schema, writers, limits.maxNestingDepth()),
                RuleSet.compile(schema, dataset.rules()),
                new StagingEncoder(dataset.keyField(), schema, schemaId));
    }
}
