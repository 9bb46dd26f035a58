package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorLoaderTest {
    private static final String SCHEMA = """
            {"type":"record","name":"Expense","fields":[
              {"name":"expense_id","type":"string"},
              {"name":"amount","type":"double"},
              {"name":"submitted_at","type":{"type":"long","logicalType":"timestamp-millis"}}]}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void schema() throws IOException {
        Files.writeString(dir.resolve("expenses.avsc"), SCHEMA);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("zone.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String valid(String datasetExtra) {
        return """
                zone: finance
                owners: [finance@example.com]
                steward: steward@example.com
                datasets:
                  - name: expenses
                    schema: expenses.avsc
                    keyField: expense_id
                    eventTimeField: submitted_at
                """ + datasetExtra;
    }

    private List<DescriptorProblem> problemsOf(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            DescriptorLoader.load(file);
        } catch (DescriptorException e) {
            return e.problems();
        }
        throw new AssertionError("descriptor was accepted but should not be:\n" + yaml);
    }

    @Test
    void loadsAValidDescriptorWithDefaults() throws IOException {
        ZoneDescriptor zone = DescriptorLoader.load(write("""
                zone: finance
                description: money
                owners: [a@example.com, b@example.com]
                steward: s@example.com
                defaults:
                  partitions: 6
                  retention: {landing: 2d, rejected: forever}
                datasets:
                  - name: expenses
                    schema: expenses.avsc
                    keyField: expense_id
                    eventTimeField: submitted_at
                    landingFormat: csv
                    validationMode: batch
                    retention: {staging: 12h}
                  - name: refunds
                    schema: expenses.avsc
                    keyField: expense_id
                    partitions: 1
                """));
        assertThat(zone.zone()).isEqualTo("finance");
        assertThat(zone.owners()).containsExactly("a@example.com", "b@example.com");
        assertThat(zone.steward()).isEqualTo("s@example.com");
        DatasetSpec expenses = zone.dataset("expenses").orElseThrow();
        assertThat(expenses.partitions()).isEqualTo(6);
        assertThat(expenses.landingFormat()).isEqualTo(LandingFormat.CSV);
        assertThat(expenses.validationMode()).isEqualTo(ValidationMode.BATCH);
        assertThat(expenses.retention(Stage.LANDING).ms()).isEqualTo(2 * 86_400_000L);
        assertThat(expenses.retention(Stage.STAGING).ms()).isEqualTo(12 * 3_600_000L);
        assertThat(expenses.retention(Stage.REJECTED).isForever()).isTrue();
        assertThat(expenses.schema().getField("amount").schema().getType()).isEqualTo(Schema.Type.DOUBLE);
        assertThat(expenses.schemaFile()).isEqualTo(dir.resolve("expenses.avsc").toAbsolutePath().normalize());
        DatasetSpec refunds = zone.dataset("refunds").orElseThrow();
        assertThat(refunds.partitions()).isEqualTo(1);
        assertThat(refunds.landingFormat()).isEqualTo(LandingFormat.JSON);
        assertThat(refunds.validationMode()).isEqualTo(ValidationMode.RECORD);
        assertThat(refunds.eventTimeField()).isNull();
        assertThat(refunds.retention(Stage.STAGING)).isEqualTo(DatasetSpec.Defaults.RETENTION);
    }

    @Test
    void loadsTheExampleFinanceZone() {
        Path examples = Path.of("..", "examples", "zones");
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(examples);
        assertThat(zones).extracting(ZoneDescriptor::zone).contains("finance");
        DatasetSpec expenses = zones.get(0).dataset("expenses").orElseThrow();
        assertThat(expenses.keyField()).isEqualTo("expense_id");
        assertThat(expenses.schema().getField(expenses.eventTimeField())).isNotNull();
    }

    @Test
    void unknownKeyIsReportedWithItsLineAndPath() throws IOException {
        List<DescriptorProblem> problems = problemsOf(valid("    partitons: 3\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.field()).isEqualTo("datasets[0].partitons");
            assertThat(p.message()).contains("unknown key").contains("partitions");
            assertThat(p.file()).isEqualTo(dir.resolve("zone.yaml"));
        });
    }

    @Test
    void badZoneAndDatasetNamesAreReported() throws IOException {
        List<DescriptorProblem> problems = problemsOf(valid("").replace("zone: finance", "zone: Finance-EU")
                .replace("name: expenses", "name: 2expenses"));
        assertThat(problems).extracting(DescriptorProblem::field).containsExactly("zone", "datasets[0].name");
        assertThat(problems.get(0).line()).isEqualTo(1);
        assertThat(problems.get(0).message()).contains("Finance-EU").contains("[a-z][a-z0-9_]*");
        assertThat(problems.get(1).line()).isEqualTo(5);
    }

    @Test
    void missingSchemaFileIsReported() throws IOException {
        List<DescriptorProblem> problems = problemsOf(valid("").replace("expenses.avsc", "missing.avsc"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("datasets[0].schema");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("missing.avsc").contains("does not exist");
        });
    }

    @Test
    void invalidAvroSchemaIsReported() throws IOException {
        Files.writeString(dir.resolve("broken.avsc"), "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"strin\"}]}");
        List<DescriptorProblem> problems = problemsOf(valid("").replace("expenses.avsc", "broken.avsc"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("datasets[0].schema");
            assertThat(p.message()).contains("not a valid Avro schema").contains("strin");
        });
    }

    @Test
    void nonRecordSchemaIsReported() throws IOException {
        Files.writeString(dir.resolve("string.avsc"), "\"string\"");
        List<DescriptorProblem> problems = problemsOf(valid("").replace("expenses.avsc", "string.avsc"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("not a record"));
    }

    @Test
    void keyAndEventTimeFieldsMustBeInTheSchema() throws IOException {
        List<DescriptorProblem> problems = problemsOf(valid("")
                .replace("keyField: expense_id", "keyField: claim_id")
                .replace("eventTimeField: submitted_at", "eventTimeField: created"));
        assertThat(problems).extracting(DescriptorProblem::field)
                .containsExactly("datasets[0].keyField", "datasets[0].eventTimeField");
        assertThat(problems.get(0).message()).contains("claim_id").contains("expense_id");
        assertThat(problems.get(0).line()).isEqualTo(7);
        assertThat(problems.get(1).message()).contains("created");
        assertThat(problems.get(1).line()).isEqualTo(8);
    }

    @Test
    void missingRequiredKeysAreReported() throws IOException {
        List<DescriptorProblem> problems = problemsOf("""
                zone: finance
                datasets:
                  - name: expenses
                """);
        assertThat(problems).extracting(DescriptorProblem::field)
                .containsExactlyInAnyOrder("owners", "steward", "datasets[0].schema", "datasets[0].keyField");
    }

    @Test
    void badEnumsPartitionsAndRetentionAreReported() throws IOException {
        List<DescriptorProblem> problems = problemsOf(valid("""
                    landingFormat: xml
                    validationMode: sometimes
                    partitions: zero
                    retention: {staging: 3 weeks, archive: 1d}
                """));
        assertThat(problems).extracting(DescriptorProblem::field).containsExactlyInAnyOrder(
                "datasets[0].landingFormat", "datasets[0].validationMode", "datasets[0].partitions",
                "datasets[0].retention.staging", "datasets[0].retention.archive");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("'xml' is not one of json, csv, avro"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("whole number"));
    }

    @Test
    void partitionsOutOfRangeAreReported() throws IOException {
        List<DescriptorProblem> problems = problemsOf(valid("    partitions: 0\n"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("between 1 and"));
    }

    @Test
    void duplicateDatasetsAreReported() throws IOException {
        String yaml = valid("") + """
                  - name: expenses
                    schema: expenses.avsc
                    keyField: expense_id
                """;
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> assertThat(p.message()).contains("declared twice"));
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        List<DescriptorProblem> problems = problemsOf("zone: finance\nowners: [a@example.com\nsteward: x\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void wrongShapesAreReported() throws IOException {
        List<DescriptorProblem> problems = problemsOf("""
                zone: [finance]
                owners: a@example.com
                steward: s@example.com
                datasets: {expenses: {}}
                """);
        assertThat(problems).extracting(DescriptorProblem::field).containsExactly("zone", "owners", "datasets");
        assertThat(problems.get(1).message()).contains("expected a list");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        assertThat(problemsOf("")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
    }

    @Test
    void directoryLoadCollectsProblemsOfEveryFileAndDuplicateZones() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), valid(""));
        Files.writeString(dir.resolve("b.yaml"), valid(""));
        Files.writeString(dir.resolve("c.yml"), valid("    bogus: 1\n"));
        assertThatThrownBy(() -> DescriptorLoader.loadDirectory(dir))
                .isInstanceOf(DescriptorException.class)
                .hasMessageContaining("b.yaml:1:1: zone: zone 'finance' is declared by another file too")
                .hasMessageContaining("c.yml:9:5: datasets[0].bogus: unknown key");
    }

    @Test
    void emptyDirectoryIsReported() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> DescriptorLoader.loadDirectory(empty)).hasMessageContaining("no zone descriptor");
    }

    // ---- approval: coercion, time zone, CSV, batch, rules ----

    private static final String CLAIM_SCHEMA = """
            {"type":"record","name":"Claim","fields":[
              {"name":"claim_id","type":"string"},
              {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
              {"name":"category","type":{"type":"enum","name":"Category","symbols":["TRAVEL","MEALS"]}},
              {"name":"note","type":["null","string"],"default":null},
              {"name":"customer","type":{"type":"record","name":"Customer","fields":[{"name":"city","type":"string"}]}},
              {"name":"submitted_at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"approved_at","type":["null",{"type":"long","logicalType":"timestamp-millis"}],"default":null}]}
            """;

    private static String claims(String datasetExtra) {
        return """
                zone: finance
                owners: [finance@example.com]
                steward: steward@example.com
                datasets:
                  - name: claims
                    schema: claims.avsc
                    keyField: claim_id
                """ + datasetExtra;
    }

    private List<DescriptorProblem> claimProblems(String datasetExtra) throws IOException {
        Files.writeString(dir.resolve("claims.avsc"), CLAIM_SCHEMA);
        return problemsOf(claims(datasetExtra));
    }

    @Test
    void loadsApprovalSettingsAndCompilesRules() throws IOException {
        Files.writeString(dir.resolve("claims.avsc"), CLAIM_SCHEMA);
        ZoneDescriptor zone = DescriptorLoader.load(write(claims("""
                    landingFormat: csv
                    validationMode: batch
                    coercion: lenient
                    timeZone: Europe/Brussels
                    csv: {delimiter: ";", nullToken: "NULL", columns: [claim_id, amount, customer.city]}
                    batch: {timeout: 10m, maxRecords: 500, maxRejectedRecords: 2}
                    rules:
                      - name: amount_positive
                        field: amount
                        expression: amount > 0
                        message: a claim has a positive amount
                      - name: approved_after_submitted
                        expression: |
                          approved_at == null
                            || approved_at >= submitted_at
                        action: warn
                      - name: known_city
                        field: customer.city
                        expression: customer.city.matches('^[A-Z][a-z]+$') && category in ['TRAVEL', 'MEALS']
                        action: fail-batch
                """)));
        DatasetSpec claims = zone.dataset("claims").orElseThrow();
        assertThat(claims.coercion()).isEqualTo(Coercion.LENIENT);
        assertThat(claims.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Brussels"));
        assertThat(claims.csv()).isEqualTo(new CsvOptions(';', "NULL", List.of("claim_id", "amount", "customer.city")));
        assertThat(claims.batch()).isEqualTo(new BatchSettings(java.time.Duration.ofMinutes(10), 500, 2));
        assertThat(claims.rules()).extracting(QualityRule::name, QualityRule::action, QualityRule::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("amount_positive", RuleAction.REJECT, "amount"),
                org.assertj.core.groups.Tuple.tuple("approved_after_submitted", RuleAction.WARN, ""),
                org.assertj.core.groups.Tuple.tuple("known_city", RuleAction.FAIL_BATCH, "customer.city"));
        assertThat(claims.rules().get(0).failureMessage()).isEqualTo("a claim has a positive amount");
        assertThat(claims.rules().get(1).failureMessage()).startsWith("rule approved_after_submitted failed: approved_at == null");
        assertThat(claims.rules().get(0).line()).isEqualTo(17);
    }

    @Test
    void approvalDefaultsWhenLeftOut() throws IOException {
        DatasetSpec expenses = DescriptorLoader.load(write(valid(""))).dataset("expenses").orElseThrow();
        assertThat(expenses.coercion()).isEqualTo(Coercion.STRICT);
        assertThat(expenses.timeZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(expenses.csv()).isEqualTo(CsvOptions.DEFAULTS);
        assertThat(expenses.batch()).isEqualTo(BatchSettings.DEFAULTS);
        assertThat(expenses.rules()).isEmpty();
    }

    @Test
    void ruleThatDoesNotCompileIsReportedAtItsLineAndColumn() throws IOException {
        List<DescriptorProblem> problems = claimProblems("""
                    rules:
                      - name: typo
                        expression: amunt > 0
                      - name: wrong_types
                        expression: "category > 3"
                      - name: not_boolean
                        expression: amount + 1.0
                      - name: bad_regex
                        expression: claim_id.matches('[')
                      - name: second_line
                        expression: |
                          amount > 0
                            && nte == null
                """);
        assertThat(problems).extracting(DescriptorProblem::field).containsExactly("datasets[0].rules[0].expression",
                "datasets[0].rules[1].expression", "datasets[0].rules[2].expression", "datasets[0].rules[3].expression",
                "datasets[0].rules[4].expression");
        assertThat(problems.get(0)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.column()).isEqualTo(21);
            assertThat(p.message()).contains("rule typo does not compile").contains("undeclared reference to 'amunt'");
        });
        assertThat(problems.get(1).message()).contains("no matching overload").contains("_>_");
        assertThat(problems.get(1).line()).isEqualTo(12);
        assertThat(problems.get(2).message()).contains("expected type 'bool' but found 'double'");
        assertThat(problems.get(3).message()).contains("Regex validation failed");
        assertThat(problems.get(4)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(20);
            assertThat(p.message()).contains("undeclared reference to 'nte'");
        });
    }

    @Test
    void ruleShapeProblemsAreReported() throws IOException {
        List<DescriptorProblem> problems = claimProblems("""
                    rules:
                      - expression: amount > 0
                      - name: amount_positive
                      - name: Amount-Positive
                        expression: amount > 0
                      - name: twice
                        expression: amount > 0
                      - name: twice
                        expression: amount < 100
                      - name: bad_action
                        expression: amount > 0
                        action: drop
                      - name: unknown_field
                        field: customer.street
                        expression: amount > 0
                        severity: high
                """);
        assertThat(problems).extracting(DescriptorProblem::field).containsExactly("datasets[0].rules[0].name",
                "datasets[0].rules[1].expression", "datasets[0].rules[2].name", "datasets[0].rules[4].name",
                "datasets[0].rules[5].action", "datasets[0].rules[6].severity", "datasets[0].rules[6].field");
        assertThat(problems.get(3).message()).contains("rule 'twice' is declared twice");
        assertThat(problems.get(4).message()).contains("'drop' is not one of reject, warn, fail-batch");
        assertThat(problems.get(6).message()).contains("'customer.street' is not a field of schema Claim");
    }

    @Test
    void failBatchNeedsBatchModeAndBatchSettingsNeedBatchMode() throws IOException {
        List<DescriptorProblem> problems = claimProblems("""
                    batch: {timeout: 5m}
                    rules:
                      - name: amount_positive
                        expression: amount > 0
                        action: fail-batch
                """);
        assertThat(problems).extracting(DescriptorProblem::field)
                .containsExactly("datasets[0].batch", "datasets[0].rules[0].action");
        assertThat(problems.get(0).message()).contains("validationMode: batch only");
        assertThat(problems.get(1).message()).contains("fail-batch needs validationMode: batch");
        assertThat(problems.get(1).line()).isEqualTo(12);
    }

    @Test
    void badBatchSettingsAreReported() throws IOException {
        List<DescriptorProblem> problems = claimProblems("""
                    validationMode: batch
                    batch:
                      timeout: forever
                      maxRecords: 0
                      maxRejectedRecords: -1
                      window: 3
                """);
        assertThat(problems).extracting(DescriptorProblem::field).containsExactly("datasets[0].batch.window",
                "datasets[0].batch.timeout", "datasets[0].batch.maxRecords", "datasets[0].batch.maxRejectedRecords");
        assertThat(problems.get(1).message()).contains("cannot be forever");
        assertThat(problems.get(2).message()).contains("between 1 and");
        assertThat(claimProblems("""
                    validationMode: batch
                    batch: {timeout: soon, maxRecords: 10, maxRejectedRecords: 11}
                """)).extracting(DescriptorProblem::message).containsExactly(
                "'soon' is not a duration: use a number with ms, s, m, h, d or w (e.g. 10m)",
                "maxRejectedRecords must be between 0 and maxRecords (10), not 11");
    }

    @Test
    void badCsvOptionsAreReported() throws IOException {
        List<DescriptorProblem> problems = claimProblems("""
                    landingFormat: csv
                    csv:
                      delimiter: ";;"
                      columns: [claim_id, amount, claim_id, customer.street]
                """);
        assertThat(problems).extracting(DescriptorProblem::field).containsExactly("datasets[0].csv.delimiter",
                "datasets[0].csv.columns[2]", "datasets[0].csv.columns[3]");
        assertThat(problems.get(0).message()).contains("one character");
        assertThat(problems.get(1).message()).contains("listed twice");
        assertThat(problems.get(2).message()).contains("'customer.street' is not a field");
        assertThat(claimProblems("""
                    landingFormat: csv
                    csv: {delimiter: '"'}
                """)).singleElement().satisfies(p -> assertThat(p.message()).contains("cannot be a quote"));
    }

    @Test
    void csvOptionsOnANonCsvDatasetBadCoercionAndTimeZoneAreReported() throws IOException {
        List<DescriptorProblem> problems = claimProblems("""
                    landingFormat: json
                    coercion: loose
                    timeZone: Mars/Olympus
                    csv: {delimiter: ";"}
                """);
        assertThat(problems).extracting(DescriptorProblem::field).containsExactly("datasets[0].coercion",
                "datasets[0].timeZone", "datasets[0].csv");
        assertThat(problems.get(0).message()).contains("'loose' is not one of strict, lenient");
        assertThat(problems.get(1).message()).contains("'Mars/Olympus' is not a time zone");
        assertThat(problems.get(2).message()).contains("landingFormat: csv only");
    }
}
