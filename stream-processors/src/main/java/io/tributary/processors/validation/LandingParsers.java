package io.tributary.processors.validation;

import org.apache.avro.Schema;

import io.tributary.model.DatasetSpec;

/** The parser for a dataset's landing format, converting to a given version of its schema. */
public final class LandingParsers {
    private LandingParsers() {
    }

    /**
     * @param schema  the staging schema records are converted to (the dataset's, or a newer registered version)
     * @param writers writer schemas of Avro landing records, by id
     */
    public static LandingParser forDataset(DatasetSpec dataset, Schema schema, WriterSchemas writers, int maxNestingDepth) {
        boolean textTyped = dataset.landingFormat() == io.tributary.model.LandingFormat.CSV;
        JsonToAvroConverter converter = new JsonToAvroConverter(schema,
                new ConversionOptions(dataset.coercion(), dataset.timeZone(), textTyped));
        return switch (dataset.landingFormat()) {
            case JSON -> new JsonLandingParser(converter, maxNestingDepth);
            case CSV -> new CsvLandingParser(converter, dataset.csv());
            case AVRO -> new AvroLandingParser(converter, writers);
        };
    }
}
