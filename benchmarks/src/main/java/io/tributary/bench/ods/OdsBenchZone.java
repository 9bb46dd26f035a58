package io.tributary.bench.ods;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** The benchmark's zone: staging claims (about 150 bytes), an FX reference table, one canonical claim entity. */
final class OdsBenchZone {
    static final String[] CURRENCIES = {"EUR", "USD", "GBP"};

    private static final String CLAIM = """
            {"type":"record","name":"Claim","namespace":"io.tributary.bench","fields":[
              {"name":"claim_id","type":"string"},
              {"name":"employee_id","type":"string"},
              {"name":"amount_text","type":"string"},
              {"name":"currency","type":"string"},
              {"name":"department","type":"string"},
              {"name":"description","type":["null","string"],"default":null},
              {"name":"submitted_at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""";
    private static final String RATE = """
            {"type":"record","name":"Rate","namespace":"io.tributary.bench","fields":[
              {"name":"currency","type":"string"},{"name":"rate_to_eur","type":"double"}]}""";
    private static final String ENTITY = """
            {"type":"record","name":"CanonicalClaim","namespace":"io.tributary.bench.ods","fields":[
              {"name":"id","type":"string"},
              {"name":"employee_id","type":"string"},
              {"name":"amount","type":"double"},
              {"name":"currency","type":"string"},
              {"name":"amount_eur","type":"double"},
              {"name":"department","type":"string"},
              {"name":"source_system","type":"string"},
              {"name":"submitted_at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""";

    private OdsBenchZone() {
    }

    static Schema claimSchema() {
        return new Schema.Parser().parse(CLAIM);
    }

    static Schema rateSchema() {
        return new Schema.Parser().parse(RATE);
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/claim.avsc"), CLAIM, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bench/rate.avsc"), RATE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bench/canonical_claim.avsc"), ENTITY, StandardCharsets.UTF_8);
        Path descriptor = dir.resolve("bench.yaml");
        Files.writeString(descriptor, """
                zone: bench
                owners: [bench@example.com]
                steward: bench@example.com
                datasets:
                  - {name: claims, schema: bench/claim.avsc, keyField: claim_id, partitions: 6}
                  - {name: fx_rates, schema: bench/rate.avsc, keyField: currency, partitions: 1, reference: true}
                entities:
                  - name: claim
                    schema: bench/canonical_claim.avsc
                    key: id
                    version: {eventTime: submitted_at}
                    partitions: 6
                    sources:
                      - dataset: claims
                        lookups:
                          - {name: eur_rate, reference: fx_rates, key: currency, field: rate_to_eur}
                        mappings:
                          id: claim_id
                          amount: {from: amount_text, cast: double}
                          amount_eur: {expression: "double(amount_text) * eur_rate"}
                          source_system: {constant: claims}
                """, StandardCharsets.UTF_8);
        return descriptor;
    }

    static GenericData.Record claim(Schema schema, int i, Random random, long now) {
        GenericData.Record r = new GenericData.Record(schema);
        r.put("claim_id", String.format("C-%09d", i));
        r.put("employee_id", String.format("E%05d", random.nextInt(20_000)));
        r.put("amount_text", String.format(java.util.Locale.ROOT, "%d.%02d", 1 + random.nextInt(2_000), random.nextInt(100)));
        r.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
        r.put("department", "D" + random.nextInt(40));
        r.put("description", random.nextBoolean() ? "Taxi from the airport to the customer's office" : null);
        r.put("submitted_at", now - random.nextInt(86_400_000));
        return r;
    }
}
