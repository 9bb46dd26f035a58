package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entities, lookups, mappings, uses and publishes in zone descriptors: what loads, and every problem with its place. */
class EntityDescriptorTest {
    @TempDir
    Path dir;

    @BeforeEach
    void schemas() throws IOException {
        Files.writeString(dir.resolve("report.avsc"), """
                {"type":"record","name":"Report","fields":[
                  {"name":"report_id","type":"string"},
                  {"name":"amount_text","type":"string"},
                  {"name":"currency","type":"string"},
                  {"name":"dept","type":["null","string"],"default":null},
                  {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
        Files.writeString(dir.resolve("rate.avsc"), """
                {"type":"record","name":"Rate","fields":[{"name":"currency","type":"string"},{"name":"rate","type":"double"}]}""");
        Files.writeString(dir.resolve("expense.avsc"), """
                {"type":"record","name":"Expense","namespace":"ods","fields":[
                  {"name":"expense_id","type":"string"},
                  {"name":"amount","type":"double"},
                  {"name":"amount_eur","type":"double"},
                  {"name":"currency","type":"string"},
                  {"name":"source","type":"string"},
                  {"name":"department","type":["null","string"],"default":null},
                  {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
                  {"name":"revision","type":"int","default":0}]}""");
        Files.writeString(dir.resolve("department.avsc"), """
                {"type":"record","name":"Department","fields":[{"name":"code","type":"string"},{"name":"name","type":"string"}]}""");
    }

    private static final String HEAD = """
            zone: fin
            owners: [a@example.com]
            steward: s@example.com
            datasets:
              - name: reports
                schema: report.avsc
                keyField: report_id
              - name: rates
                schema: rate.avsc
                keyField: currency
                reference: true
            """;

    private static String entity(String mappings) {
        return HEAD + """
                entities:
                  - name: expense
                    schema: expense.avsc
                    key: expense_id
                    version: {eventTime: at}
                    sources:
                      - dataset: reports
                        lookups:
                          - {name: eur, reference: rates, key: currency, field: rate}
                        mappings:
                """ + mappings;
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private List<DescriptorProblem> problems(String yaml) throws IOException {
        Path file = write("fin.yaml", yaml);
        try {
            DescriptorLoader.load(file);
        } catch (DescriptorException e) {
            return e.problems();
        }
        throw new AssertionError("accepted but should not be:\n" + yaml);
    }

    @Test
    void loadsAnEntityWithEveryMappingKindAndCompletesTheMappings() throws IOException {
        ZoneDescriptor zone = DescriptorLoader.load(write("fin.yaml", entity("""
                          expense_id: report_id
                          amount: {from: amount_text, cast: double}
                          amount_eur: {expression: "double(amount_text) * eur"}
                          source: {constant: reports}
                """)));

        assertThat(zone.dataset("rates").orElseThrow().reference()).isTrue();
        EntitySpec expense = zone.entity("expense").orElseThrow();
        assertThat(expense.topic("fin").toString()).isEqualTo("fin.ods.expense");
        assertThat(expense.mappedTopic("fin")).isEqualTo("fin.ods.expense.mapped");
        assertThat(expense.version()).isEqualTo(new VersionSpec(VersionSpec.Kind.EVENT_TIME, "at"));
        EntitySource source = expense.sources().get(0);
        assertThat(source.lookups()).singleElement().satisfies(l -> {
            assertThat(l.reference()).isEqualTo(new DatasetRef("fin", "rates"));
            assertThat(l.onMiss()).isEqualTo(MissPolicy.REJECT);
        });
        assertThat(source.mappings()).extracting(FieldMapping::target)
                .containsExactly("expense_id", "amount", "amount_eur", "currency", "source", "department", "at", "revision");
        assertThat(source.mappings()).extracting(m -> m.getClass().getSimpleName())
                .containsExactly("Copy", "Copy", "Derive", "Copy", "Constant", "Defaulted", "Copy", "Defaulted");
        assertThat(((FieldMapping.Copy) source.mappings().get(1)).cast()).contains("double");
    }

    @Test
    void aMappingFromAFieldTheSourceDoesNotHaveIsReportedWithItsPlace() throws IOException {
        List<DescriptorProblem> problems = problems(entity("""
                          expense_id: report_id
                          amount: {from: amount_txt, cast: double}
                          amount_eur: {expression: "1.0"}
                          source: {constant: reports}
                """));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(23);
            assertThat(p.column()).isEqualTo(26);
            assertThat(p.field()).isEqualTo("entities[0].sources[0].mappings.amount.from");
            assertThat(p.message()).contains("'amount_txt' is not a field of source reports").contains("amount_text");
            assertThat(p.file()).isEqualTo(dir.resolve("fin.yaml"));
        });
    }

    @Test
    void aCelTypeErrorIsReportedInsideTheExpression() throws IOException {
        List<DescriptorProblem> problems = problems(entity("""
                          expense_id: report_id
                          amount: {from: amount_text, cast: double}
                          amount_eur: {expression: "amount_text * eur"}
                          source: {constant: reports}
                """));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(24);
            assertThat(p.field()).isEqualTo("entities[0].sources[0].mappings.amount_eur.expression");
            assertThat(p.message()).contains("does not compile").contains("_*_");
        });
    }

    @Test
    void anExpressionOfTheWrongTypeAndAWrongCastAreReported() throws IOException {
        List<DescriptorProblem> problems = problems(entity("""
                          expense_id: report_id
                          amount: {from: amount_text, cast: int}
                          amount_eur: {expression: "currency + '!'"}
                          source: {constant: reports}
                """));
        assertThat(problems).extracting(DescriptorProblem::message).containsExactly(
                "cast: int does not give the type of field amount, which is double",
                "expression for field amount_eur: the expression gives string but the field is double (CEL double)");
    }

    @Test
    void anUnmappedFieldWithoutDefaultAndAnUncastTypeChangeAreReported() throws IOException {
        List<DescriptorProblem> problems = problems(entity("""
                          expense_id: report_id
                          amount: amount_text
                """));
        assertThat(problems).extracting(DescriptorProblem::message).anySatisfy(m -> assertThat(m)
                        .isEqualTo("source field amount_text is string but entity field amount is double; add cast: double"))
                .anySatisfy(m -> assertThat(m).contains("field 'amount_eur' gets no value from source reports"))
                .anySatisfy(m -> assertThat(m).contains("field 'source' gets no value"));
    }

    @Test
    void lookupsMustReadReferenceDataOrEntitiesAndOtherZonesOnlyThroughUses() throws IOException {
        List<DescriptorProblem> problems = problems(entity("""
                          expense_id: report_id
                          amount: {from: amount_text, cast: double}
                          amount_eur: {expression: "1.0"}
                          source: {constant: reports}
                          department: {lookup: dept}
                """).replace("          - {name: eur, reference: rates, key: currency, field: rate}", String.join("\n",
                "          - {name: eur, reference: reports, key: currency, field: amount_text}",
                "          - {name: dept, reference: hr.departments, key: dept, field: name, onMiss: \"null\"}",
                "          - {name: other, reference: rates, key: nope, field: rate, onMiss: default}")));
        assertThat(problems).extracting(DescriptorProblem::message).anySatisfy(m -> assertThat(m)
                        .contains("dataset 'reports' is not reference data"))
                .anySatisfy(m -> assertThat(m).contains("does not list hr.departments under uses"))
                .anySatisfy(m -> assertThat(m).contains("the lookup key 'nope' is not a field of the source schema"))
                .anySatisfy(m -> assertThat(m).contains("onMiss: default needs the value"));
    }

    @Test
    void badVersionAndKeyAreReported() throws IOException {
        List<DescriptorProblem> problems = problems(entity("""
                          expense_id: report_id
                """).replace("version: {eventTime: at}", "version: {eventTime: amount}").replace("key: expense_id", "key: id"));
        assertThat(problems).extracting(DescriptorProblem::message)
                .anySatisfy(m -> assertThat(m).contains("the key field 'id' is not a field of schema ods.Expense"))
                .anySatisfy(m -> assertThat(m).contains("eventTime 'amount' is double, not a timestamp"));
    }

    private static final String HR = """
            zone: hr
            owners: [a@example.com]
            steward: s@example.com
            datasets:
              - name: departments
                schema: department.avsc
                keyField: code
                reference: true
            publishes:
              - {dataset: departments, to: [fin]}
            """;

    private String finUsingHr() {
        return entity("""
                          expense_id: report_id
                          amount: {from: amount_text, cast: double}
                          amount_eur: {expression: "dept_name.size() > 0 ? 1.0 : 0.0"}
                          source: {constant: reports}
                          department: {lookup: dept_name}
                """).replace("          - {name: eur, reference: rates, key: currency, field: rate}",
                "          - {name: dept_name, reference: hr.departments, key: dept, field: name, onMiss: default, default: none}")
                .replace("entities:", "uses: [hr.departments]\nentities:");
    }

    @Test
    void aZoneMayUseWhatAnotherPublishesToIt() throws IOException {
        write("hr.yaml", HR);
        write("fin.yaml", finUsingHr());
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(dir);

        assertThat(ZoneReferences.check(zones)).isEmpty();
        ZoneDescriptor fin = zones.stream().filter(z -> z.zone().equals("fin")).findFirst().orElseThrow();
        LookupTarget.Result target = LookupTarget.resolve(fin, new DatasetRef("hr", "departments"),
                name -> zones.stream().filter(z -> z.zone().equals(name)).findFirst());
        assertThat(target.target().topic()).isEqualTo("hr.staging.departments");
    }

    @Test
    void usingWhatIsNotPublishedNamesBothZonesAndTheDataset() throws IOException {
        write("hr.yaml", HR.replace("to: [fin]", "to: [audit]"));
        write("fin.yaml", finUsingHr());
        List<DescriptorProblem> problems = ZoneReferences.check(DescriptorLoader.loadDirectory(dir));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("fin.yaml"));
            assertThat(p.field()).isEqualTo("uses[0]");
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.message()).isEqualTo("zone fin uses hr.departments, but zone hr does not publish departments to fin "
                    + "(hr publishes to fin: nothing)");
        });
    }

    @Test
    void anotherZonesFieldsAndTypesAreCheckedAcrossZones() throws IOException {
        write("hr.yaml", HR);
        write("fin.yaml", finUsingHr().replace("field: name, onMiss: default, default: none", "field: title, onMiss: default, default: none"));
        List<DescriptorProblem> problems = ZoneReferences.check(DescriptorLoader.loadDirectory(dir));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("lookup dept_name: 'title' is not a field of hr.departments (fields: [code, name])"));

        write("fin.yaml", finUsingHr().replace("dept_name.size() > 0 ? 1.0 : 0.0", "dept_name * 2.0"));
        assertThat(ZoneReferences.check(DescriptorLoader.loadDirectory(dir))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expression for field amount_eur does not compile with the types of the other zones"));
    }

    @Test
    void publishingSomethingTheZoneDoesNotHaveIsReported() throws IOException {
        List<DescriptorProblem> problems = problems(HEAD + "publishes:\n  - {dataset: nothing, to: [hr, fin]}\n");
        assertThat(problems).extracting(DescriptorProblem::message)
                .anySatisfy(m -> assertThat(m).contains("zone fin has no dataset or entity 'nothing' to publish"))
                .anySatisfy(m -> assertThat(m).isEqualTo("a zone does not publish to itself"));
    }

    private String withFacts(String analytical) throws IOException {
        Files.writeString(dir.resolve("fact.avsc"), """
                {"type":"record","name":"Fact","fields":[
                  {"name":"expense_id","type":"string"},
                  {"name":"amount_eur","type":"double"},
                  {"name":"rate_used","type":"double"}]}""");
        return entity("""
                          expense_id: report_id
                          amount: {from: amount_text, cast: double}
                          amount_eur: {expression: "double(amount_text) * eur"}
                          source: {constant: reports}
                """) + analytical;
    }

    @Test
    void loadsAnAnalyticalOutputJoiningByForeignKey() throws IOException {
        ZoneDescriptor zone = DescriptorLoader.load(write("fin.yaml", withFacts("""
                analytical:
                  - name: expense_facts
                    schema: fact.avsc
                    from: expense
                    join: {name: fx, with: rates, key: currency}
                    mappings:
                      rate_used: {expression: "fx == null ? 1.0 : fx.rate"}
                """)));
        AnalyticalSpec facts = zone.analytical().get(0);
        assertThat(facts.topic("fin").toString()).isEqualTo("fin.analytical.expense_facts");
        assertThat(facts.joins()).singleElement().satisfies(j -> {
            assertThat(j.with()).isEqualTo(new DatasetRef("fin", "rates"));
            assertThat(j.keyField()).isEqualTo("currency");
        });
        assertThat(facts.mappings()).extracting(m -> m.getClass().getSimpleName()).containsExactly("Copy", "Copy", "Derive");
    }

    @Test
    void factsJoinSeveralTablesEachUnderItsOwnName() throws IOException {
        ZoneDescriptor zone = DescriptorLoader.load(write("fin.yaml", withFacts("""
                analytical:
                  - name: expense_facts
                    schema: fact.avsc
                    from: expense
                    join:
                      - {name: fx, with: rates, key: currency}
                      - {name: claimed, with: expense, key: expense_id}
                    mappings:
                      rate_used: {expression: "fx == null ? 1.0 : fx.rate * (claimed == null ? 1.0 : 1.0)"}
                """)));
        assertThat(zone.analytical().get(0).joins()).extracting(j -> j.name() + " " + j.with() + " by " + j.keyField())
                .containsExactly("fx fin.rates by currency", "claimed fin.expense by expense_id");
    }

    @Test
    void twoJoinsUnderOneNameOrAnExpressionNamingNoJoinAreReported() throws IOException {
        List<DescriptorProblem> problems = problems(withFacts("""
                analytical:
                  - name: expense_facts
                    schema: fact.avsc
                    from: expense
                    join:
                      - {name: fx, with: rates, key: currency}
                      - {name: fx, with: expense, key: expense_id}
                    mappings:
                      rate_used: {expression: "dept == null ? 1.0 : 2.0"}
                """));
        List<String> lines = Files.readAllLines(dir.resolve("fin.yaml"));
        int secondJoin = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("{name: fx, with: expense")).findFirst().orElseThrow());
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).isEqualTo("join name 'fx' is used twice: each join needs its own name in expressions");
            assertThat(p.line()).as("the second join's line").isEqualTo(secondJoin);
        }).anySatisfy(p -> assertThat(p.message()).contains("dept"));
    }

    @Test
    void anAnalyticalOutputOfAnUnknownEntityOrWithABadJoinIsReported() throws IOException {
        List<DescriptorProblem> problems = problems(withFacts("""
                analytical:
                  - name: expense_facts
                    schema: fact.avsc
                    from: expense
                    join: {name: fx, with: reports, key: curr}
                  - name: other_facts
                    schema: fact.avsc
                    from: claims
                """));
        assertThat(problems).extracting(DescriptorProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("'curr' is not a field of entity expense"))
                .anySatisfy(m -> assertThat(m).isEqualTo("zone fin has no entity or reference dataset 'reports'"))
                .anySatisfy(m -> assertThat(m).startsWith("zone fin has no entity 'claims'"));
    }

    @Test
    void loadsAWindowedAggregateAndGeneratesItsSchema() throws IOException {
        ZoneDescriptor zone = DescriptorLoader.load(write("fin.yaml", withFacts("""
                analytical:
                  - name: monthly_spend
                    from: expense
                    aggregate:
                      groupBy: [currency]
                      window: {size: 30d, grace: 2d}
                      measures:
                        - {name: total_eur, function: sum, field: amount_eur}
                        - {name: claims, function: count}
                """)));
        AnalyticalSpec spend = zone.analytical().get(0);
        AggregateSpec aggregate = spend.aggregate().orElseThrow();
        assertThat(aggregate.timeField()).isEqualTo("at");
        assertThat(aggregate.size()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(aggregate.grace()).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(spend.schema().getFields()).extracting(org.apache.avro.Schema.Field::name)
                .containsExactly("window_start", "window_end", "currency", "total_eur", "claims", "revision");
        assertThat(spend.schema().getField("claims").schema().getType()).isEqualTo(org.apache.avro.Schema.Type.LONG);
    }

    @Test
    void aBadAggregateIsReported() throws IOException {
        List<DescriptorProblem> problems = problems(withFacts("""
                analytical:
                  - name: monthly_spend
                    from: expense
                    schema: fact.avsc
                    aggregate:
                      groupBy: [region]
                      measures:
                        - {name: total, function: sum, field: currency}
                        - {name: odd, function: median, field: amount}
                """));
        assertThat(problems).extracting(DescriptorProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("an aggregate's schema is generated"))
                .anySatisfy(m -> assertThat(m).startsWith("'region' is not a field of entity expense"))
                .anySatisfy(m -> assertThat(m).startsWith("missing: {size: <duration>"))
                .anySatisfy(m -> assertThat(m).isEqualTo("'currency' is not a number field of entity expense"))
                .anySatisfy(m -> assertThat(m).isEqualTo("'median' is not one of sum, count, min, max, avg"));
    }

    @Test
    void theOdsExampleZonesLoadAndUseOnlyWhatIsPublishedToThem() {
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(Path.of("..", "examples", "zones"));
        assertThat(zones).extracting(ZoneDescriptor::zone).containsExactly("finance", "hr");
        assertThat(ZoneReferences.check(zones)).isEmpty();
        ZoneDescriptor finance = zones.get(0);
        assertThat(finance.entity("expense").orElseThrow().sources()).extracting(EntitySource::dataset)
                .containsExactly("expenses", "card_transactions");
        assertThat(finance.analytical()).extracting(AnalyticalSpec::name).containsExactly("expense_facts", "monthly_spend_by_department");
    }
}
