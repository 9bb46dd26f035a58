package io.tributary.processors.ods;

import static io.tributary.processors.ods.OdsFixture.text;
import static io.tributary.processors.ods.OdsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.EntitySpec;
import io.tributary.registry.client.WireFormat;

/**
 * The {@code expense_facts} output of the {@code fin} test zone with TopologyTestDriver: expenses
 * left-joined by department code to the departments reference data; a fact changes when either
 * side does.
 */
class FactsTopologyTest {
    @TempDir
    Path stateDir;

    private OdsFixture fin;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> expenses;
    private TestInputTopic<byte[], byte[]> departments;
    private TestInputTopic<byte[], byte[]> rates;
    private TestOutputTopic<byte[], byte[]> facts;

    @BeforeEach
    void start() {
        fin = new OdsFixture(new MemoryRegistry());
        OdsPipelines.Pipeline pipeline = fin.pipelines(new OdsCounters()).stream()
                .filter(p -> p.applicationId().equals(OdsPipelines.analyticalApplicationId("fin", "expense_facts"))).findFirst().orElseThrow();
        assertThat(pipeline.topics()).containsExactly("fin.ods.expense", "fin.analytical.expense_facts", "fin.staging.departments",
                "fin.staging.fx_rates");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, pipeline.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(pipeline.topology(), props);
        expenses = driver.createInputTopic("fin.ods.expense", new ByteArraySerializer(), new ByteArraySerializer());
        departments = driver.createInputTopic("fin.staging.departments", new ByteArraySerializer(), new ByteArraySerializer());
        rates = driver.createInputTopic("fin.staging.fx_rates", new ByteArraySerializer(), new ByteArraySerializer());
        facts = driver.createOutputTopic("fin.analytical.expense_facts", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void expense(String id, String departmentCode, double eur) {
        expense(id, departmentCode, "EUR", eur);
    }

    private void expense(String id, String departmentCode, String currency, double eur) {
        EntitySpec entity = fin.zone.entity("expense").orElseThrow();
        GenericData.Record r = new GenericData.Record(entity.schema());
        r.put("expense_id", id);
        r.put("amount", eur);
        r.put("currency", currency);
        r.put("amount_eur", eur);
        r.put("department_code", departmentCode);
        r.put("source_system", "reports");
        r.put("submitted_at", 1L);
        expenses.pipeInput(utf8(id), WireFormat.encode(fin.entityIds.get("fin.ods.expense-value"), entity.schema(), r));
    }

    private void rate(String currency, double rate) {
        rates.pipeInput(utf8(currency), fin.wire("fx_rates", fin.rate(currency, rate)));
    }

    private void department(String code, String name) {
        departments.pipeInput(utf8(code), name == null ? null : fin.wire("departments", fin.department(code, name)));
    }

    private List<String> facts() {
        return facts.readRecordsToList().stream().map(FactsTopologyTest::describe).toList();
    }

    private static String describe(TestRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return text(record.key()) + " deleted";
        }
        GenericRecord fact = (GenericRecord) WireFormat.decode(record.value(), OdsFixtureSchemas.FACT);
        return text(record.key()) + " " + fact.get("department_code") + " " + fact.get("department_name") + " " + fact.get("amount_eur")
                + (fact.get("rate_to_eur").equals(0.0) ? "" : " at " + fact.get("rate_to_eur"));
    }

    @Test
    void aFactJoinsTheRecordItsForeignKeyNamesAndFollowsChangesOnBothSides() {
        department("D1", "Sales");
        expense("e-1", "D1", 10.0);
        expense("e-2", "D9", 20.0);           // no such department yet
        assertThat(facts()).containsExactly("e-1 D1 Sales 10.0", "e-2 D9 unknown 20.0");

        department("D1", "Field sales");       // renamed: the fact follows
        department("D9", "Research");          // arrives late: the fact follows
        expense("e-1", "D9", 11.0);            // moves to another department
        assertThat(facts()).containsExactly("e-1 D1 Field sales 10.0", "e-2 D9 Research 20.0", "e-1 D9 Research 11.0");
    }

    @Test
    void aFactJoinsSeveralTablesAndFollowsEachOfThem() {
        department("D1", "Sales");
        rate("USD", 0.9);
        expense("e-1", "D1", "USD", 9.0);
        expense("e-2", "D2", "GBP", 12.0);     // neither its department nor its rate is known yet
        assertThat(facts()).containsExactly("e-1 D1 Sales 9.0 at 0.9", "e-2 D2 unknown 12.0");

        rate("GBP", 1.2);                      // the second join's table changes: the fact follows
        department("D2", "Research");          // then the first join's
        rate("USD", 0.95);
        assertThat(facts()).containsExactly("e-2 D2 unknown 12.0 at 1.2", "e-2 D2 Research 12.0 at 1.2", "e-1 D1 Sales 9.0 at 0.95");
    }

    @Test
    void joinedValuesKeepTheEntityAndEveryJoinsRecordEvenWhenAJoinFoundNone() {
        byte[] value = JoinedValues.append(JoinedValues.of(new byte[] {1, 2}, null), new byte[] {3});
        assertThat(JoinedValues.entity(value)).containsExactly(1, 2);
        List<byte[]> parts = JoinedValues.decode(value);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(1)).isNull();
        assertThat(parts.get(2)).containsExactly(3);
    }

    @Test
    void anExpenseWithoutDepartmentStillHasAFact() {
        expense("e-3", null, 5.0);
        assertThat(facts()).containsExactly("e-3 null unknown 5.0");
    }
}
