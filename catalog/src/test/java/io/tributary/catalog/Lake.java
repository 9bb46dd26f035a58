package io.tributary.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A small lake folder laid out as the local S3 server stores the sink's objects:
 * {@code <lake>/<stage>/<zone>/<dataset>/dt=YYYY-MM-DD/<topic>+<partition>+<startOffset>.parquet}.
 */
final class Lake {
    /** Version 1 of finance's expenses. */
    static final Schema EXPENSE_V1 = expense(false);
    /** Version 2 adds an optional currency, as schemas evolve; older files lack it. */
    static final Schema EXPENSE_V2 = expense(true);
    static final Schema LOGIN = SchemaBuilder.record("login").namespace("io.tributary.test").fields()
            .requiredString("user").requiredBoolean("success").endRecord();

    private Lake() {
    }

    /**
     * finance staging expenses: 3 rows on 2024-01-15 (v1), 2 on 2024-01-16 (v2); audit analytical
     * logins: 1 row; finance landing expenses (must never be exposed): 1 row; finance rejected
     * expenses: a dt folder without files; a folder with an invalid name.
     */
    static void build(Path lake) throws IOException {
        Path expenses = lake.resolve("staging/finance/expenses");
        ParquetFiles.write(expenses.resolve("dt=2024-01-15/finance.staging.expenses+0+00000000000000000000.parquet"), EXPENSE_V1,
                List.of(expense(EXPENSE_V1, "e1", 12.5, null), expense(EXPENSE_V1, "e2", 7.25, null),
                        expense(EXPENSE_V1, "e3", 100.0, null)));
        ParquetFiles.write(expenses.resolve("dt=2024-01-16/finance.staging.expenses+1+00000000000000000003.parquet"), EXPENSE_V2,
                List.of(expense(EXPENSE_V2, "e4", 0.5, "USD"), expense(EXPENSE_V2, "e5", 30.0, "EUR")));

        GenericRecord login = new GenericData.Record(LOGIN);
        login.put("user", "ada");
        login.put("success", true);
        ParquetFiles.write(lake.resolve("analytical/audit/logins/dt=2024-01-15/audit.analytical.logins+0+00000000000000000000.parquet"),
                LOGIN, List.of(login));

        ParquetFiles.write(lake.resolve("landing/finance/expenses/dt=2024-01-15/finance.landing.expenses+0+00000000000000000000.parquet"),
                EXPENSE_V1, List.of(expense(EXPENSE_V1, "secret", 999.0, null)));

        Files.createDirectories(lake.resolve("rejected/finance/expenses/dt=2024-01-15"));
        ParquetFiles.write(lake.resolve("staging/Finance-Old/expenses/dt=2024-01-15/x.parquet"), EXPENSE_V1,
                List.of(expense(EXPENSE_V1, "old", 1.0, null)));
    }

    private static Schema expense(boolean withCurrency) {
        Schema at = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        var fields = SchemaBuilder.record("expense").namespace("io.tributary.test").fields()
                .requiredString("id")
                .requiredDouble("amount")
                .name("at").type(at).noDefault();
        if (withCurrency) {
            fields = fields.optionalString("currency");
        }
        return fields.endRecord();
    }

    private static GenericRecord expense(Schema schema, String id, double amount, String currency) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("amount", amount);
        record.put("at", Instant.parse("2024-01-15T10:00:00Z").toEpochMilli());
        if (schema.getField("currency") != null) {
            record.put("currency", currency);
        }
        return record;
    }
}
