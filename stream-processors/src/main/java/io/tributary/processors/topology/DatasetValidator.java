package io.tributary.processors.topology;

import io.tributary.model.DatasetSpec;
import io.tributary.processors.validation.LandingParser;
import io.tributary.processors.validation.ValidationOutcome;

/** Decides what becomes of one landing record of a dataset: parse and check, then encode for staging. */
final class DatasetValidator {
    private final LandingParser parser;
    private final StagingEncoder encoder;

    DatasetValidator(DatasetSpec dataset, LandingParser parser, int stagingSchemaId) {
        this.parser = parser;
        this.encoder = new StagingEncoder(dataset, stagingSchemaId);
    }

    Verdict validate(byte[] value) {
        ValidationOutcome outcome = parser.parse(value);
        if (outcome instanceof ValidationOutcome.Valid valid) {
            return encoder.encode(valid.record(), value);
        }
        return new Verdict.Rejected(value, (ValidationOutcome.Rejected) outcome);
    }
}
