package io.tributary.processors.ods;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.tributary.model.AnalyticalSpec;
import io.tributary.model.DatasetSpec;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.EntitySpec;
import io.tributary.model.ZoneDescriptor;
import io.tributary.processors.ods.spi.RecordTransformers;
import io.tributary.registry.client.SchemaRegistry;
import io.tributary.registry.client.WireFormat;

/** The {@code fin} test zone (src/test/resources/ods): its descriptor, records of its datasets in the wire format. */
final class OdsFixture {
    static final Path DESCRIPTOR = Path.of("src/test/resources/ods/fin.yaml");

    final ZoneDescriptor zone = DescriptorLoader.load(DESCRIPTOR);
    final SchemaRegistry registry;
    final Map<String, Integer> stagingIds = new LinkedHashMap<>();
    final Map<String, Integer> entityIds = new LinkedHashMap<>();

    OdsFixture(SchemaRegistry registry) {
        this.registry = registry;
        for (DatasetSpec dataset : zone.datasets()) {
            stagingIds.put(dataset.name(), registry.register("fin.staging." + dataset.name() + "-value", dataset.schema()));
        }
        for (EntitySpec entity : zone.entities()) {
            entityIds.put("fin.ods." + entity.name() + "-value", registry.register("fin.ods." + entity.name() + "-value", entity.schema()));
        }
        for (AnalyticalSpec output : zone.analytical()) {
            String subject = "fin.analytical." + output.name() + "-value";
            entityIds.put(subject, registry.register(subject, output.schema()));
        }
    }

    /** With the changelogged version store: the test driver has no broker to rebuild versions from. */
    List<OdsPipelines.Pipeline> pipelines(OdsCounters counters) {
        return pipelines(counters, VersionStore.CHANGELOG, (topic, config, each) -> {
            throw new AssertionError("no ods topic to read: " + topic);
        });
    }

    List<OdsPipelines.Pipeline> pipelines(OdsCounters counters, VersionStore versions, OdsTopicReader odsTopics) {
        return OdsPipelines.of(zone, name -> Optional.empty(), registry, registry, entityIds, RecordTransformers.forZone("fin", null),
                counters, versions, odsTopics);
    }

    Schema schema(String dataset) {
        return zone.dataset(dataset).orElseThrow().schema();
    }

    /** A record of {@code dataset} from field name / value pairs. */
    GenericRecord record(String dataset, Object... fieldsAndValues) {
        GenericData.Record record = new GenericData.Record(schema(dataset));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            record.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return record;
    }

    byte[] wire(String dataset, GenericRecord record) {
        return WireFormat.encode(stagingIds.get(dataset), schema(dataset), record);
    }

    GenericRecord readEntity(byte[] wire) {
        return (GenericRecord) WireFormat.decode(wire, registry.schemaById(WireFormat.schemaId(wire)));
    }

    GenericRecord report(String id, String amount, String currency, String department, long at) {
        return record("expense_reports", "report_id", id, "employee_id", "e-1", "amount_text", amount, "currency", currency,
                "department_code", department, "submitted_at", at);
    }

    GenericRecord card(String txn, String expense, double amount, String currency, String dept, long at) {
        return record("card_transactions", "txn_id", txn, "expense_ref", expense, "amount", amount, "currency", currency,
                "dept", dept, "at", at);
    }

    GenericRecord rate(String currency, double rate) {
        return record("fx_rates", "currency", currency, "rate_to_eur", rate);
    }

    GenericRecord department(String code, String name) {
        return record("departments", "code", code, "name", name);
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
