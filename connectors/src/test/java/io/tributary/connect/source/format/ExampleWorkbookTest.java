package io.tributary.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The example zone's sample spreadsheet reads as records of the finance zone's expenses dataset. */
class ExampleWorkbookTest {
    private static final Path EXAMPLES = Path.of("../examples/zones/finance");

    @Test
    void theSampleSpreadsheetHasEveryFieldOfTheExpensesSchema() throws Exception {
        Schema schema = new Schema.Parser().parse(EXAMPLES.resolve("expenses.avsc").toFile());
        ReaderSettings settings = new ReaderSettings(false, ',', "", Optional.of(ZoneId.of("UTC")));
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (RowReader reader = RowReaders.open(FileFormat.XLSX, EXAMPLES.resolve("expense-reports.xlsx"), settings)) {
            FileRow row;
            while ((row = reader.next()) != null) {
                rows.add(json.readTree(row.value()));
            }
        }
        assertThat(rows).hasSize(24);
        for (JsonNode row : rows) {
            for (Schema.Field field : schema.getFields()) {
                assertThat(row.has(field.name())).as(field.name() + " in " + row).isTrue();
            }
            assertThat(row.get("amount").isNumber()).isTrue();
            assertThat(row.get("submitted_at").asText()).matches("2024-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ");
            if (row.get("category").asText().equals("LODGING")) {
                assertThat(row.get("amount").decimalValue()).isEqualByComparingTo(
                        row.get("nights").decimalValue().multiply(row.get("nightly_rate").decimalValue()));
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.get("description").isNull()).isTrue());
        assertThat(Files.size(EXAMPLES.resolve("expense-reports.xlsx"))).isLessThan(64 * 1024);
    }
}
