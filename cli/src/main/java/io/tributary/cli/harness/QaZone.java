package io.tributary.cli.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The zones a harness run uses: the example zones (finance, hr), whose expense claims the chaos run
 * sends, plus the {@code qa} zone the bad-input corpus goes to, with one dataset per landing
 * format and a batch dataset for spreadsheets dropped in the ingress bucket.
 */
public final class QaZone {
    public static final String ZONE = "qa";
    public static final String JSON = "events";
    public static final String CSV = "rows";
    public static final String AVRO = "avro_events";
    public static final String SHEETS = "sheets";
    public static final String CSV_HEADER = "id,amount,count,kind,at,note";

    static final String EVENT_SCHEMA = """
            {"type": "record", "name": "Event", "namespace": "io.tributary.qa",
             "fields": [
               {"name": "id", "type": "string"},
               {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
               {"name": "count", "type": "int"},
               {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}},
               {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
               {"name": "note", "type": ["null", "string"], "default": null}
             ]}""";

    /** What an Avro producer of the qa zone writes with: text amount and kind, converted by the validator. */
    static final Schema AVRO_WRITER_SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "EventV1", "namespace": "io.tributary.qa.producer",
             "fields": [
               {"name": "id", "type": "string"},
               {"name": "amount", "type": "string"},
               {"name": "count", "type": "int"},
               {"name": "kind", "type": "string"},
               {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
               {"name": "note", "type": ["null", "string"], "default": null}
             ]}""");

    static final String DESCRIPTOR = """
            # The harness's own zone: the bad-input corpus lands here, one dataset per landing format.
            zone: qa
            description: Reliability harness - malformed input of every kind.
            owners: [platform@example.com]
            steward: platform@example.com
            defaults:
              partitions: 1
            datasets:
              - name: events
                description: JSON records.
                schema: qa/event.avsc
                keyField: id
                landingFormat: json
              - name: rows
                description: CSV rows.
                schema: qa/event.avsc
                keyField: id
                landingFormat: csv
              - name: avro_events
                description: Confluent wire-format Avro records.
                schema: qa/event.avsc
                keyField: id
                landingFormat: avro
              - name: sheets
                description: Expense spreadsheets and CSV files dropped in the ingress bucket, one batch per file.
                schema: qa/expenses.avsc
                keyField: expense_id
                landingFormat: json
                validationMode: batch
                batch:
                  timeout: 2m
            """;

    private QaZone() {
    }

    /**
     * Writes the example zones and the qa zone into {@code zonesDir}.
     *
     * @param examples the example zones folder (examples/zones of the installation)
     */
    public static Path write(Path examples, Path zonesDir) {
        try {
            copyTree(examples, zonesDir);
            Path qa = Files.createDirectories(zonesDir.resolve(ZONE));
            Files.writeString(qa.resolve("event.avsc"), EVENT_SCHEMA);
            Files.copy(examples.resolve("finance/expenses.avsc"), qa.resolve("expenses.avsc"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(zonesDir.resolve(ZONE + ".yaml"), DESCRIPTOR);
            return zonesDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the harness zones into " + zonesDir + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
