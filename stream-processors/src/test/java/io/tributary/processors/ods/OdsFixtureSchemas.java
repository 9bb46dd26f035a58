package io.tributary.processors.ods;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.avro.Schema;

/** Schemas of the {@code fin} test zone that tests read outputs with. */
final class OdsFixtureSchemas {
    static final Schema FACT = parse("src/test/resources/ods/fin/expense_fact.avsc");

    private OdsFixtureSchemas() {
    }

    private static Schema parse(String file) {
        try {
            return new Schema.Parser().parse(Path.of(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
