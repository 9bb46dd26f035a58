package io.tributary.processors.validation;

import java.util.Optional;

import io.tributary.model.DatasetSpec;

/** The parser for a dataset's landing format, where this version has one. */
public final class LandingParsers {
    private LandingParsers() {
    }

    /** Empty for formats not handled yet (CSV and Avro landing arrive in a later version). */
    public static Optional<LandingParser> forDataset(DatasetSpec dataset) {
        return switch (dataset.landingFormat()) {
            case JSON -> Optional.of(new JsonLandingParser(dataset.schema()));
            case CSV, AVRO -> Optional.empty();
        };
    }
}
