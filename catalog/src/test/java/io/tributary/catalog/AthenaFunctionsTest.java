package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Athena's functions on the local DuckDB engine answer as Trino does. */
class AthenaFunctionsTest {
    static final List<AthenaFunctionCases.Case> CASES = AthenaFunctionCases.CASES;

    @TempDir
    static Path lake;
    static LocalSqlEngine engine;

    @BeforeAll
    static void open() throws IOException {
        java.nio.file.Files.createDirectories(lake);
        engine = LocalSqlEngine.open(lake);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void answersAsTrinoDoes(AthenaFunctionCases.Case c) {
        QueryResult result = engine.query(c.sql());
        assertThat(TablePrinter.format(result.rows().get(0).get(0))).isEqualTo(c.expected());
    }
}
