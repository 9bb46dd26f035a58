package io.tributary.registry.server.api;

import static io.tributary.registry.server.api.Api.client;
import static io.tributary.registry.server.api.Api.error;
import static io.tributary.registry.server.api.Api.newSubject;
import static io.tributary.registry.server.api.Api.record;
import static io.tributary.registry.server.api.Api.register;
import static io.tributary.registry.server.api.Api.registered;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.registry.server.KafkaBrokerResource;

/** Schemas by id, schema references, normalisation, and bad input that must change nothing. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SchemasAndReferencesApiTest {
    private static final String ADDRESS = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"geo\","
            + "\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
    private static final String PERSON = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"geo\","
            + "\"fields\":[{\"name\":\"home\",\"type\":\"geo.Address\"}]}";

    @Test
    void aSchemaIdAnswersItsSubjectsVersionsAndBareText() {
        String a = newSubject("ids-a");
        String b = newSubject("ids-b");
        String schema = record("ById", "int");
        int id = registered(a, schema);
        registered(b, schema);

        client().get("/schemas/ids/{id}/schema", id).then().statusCode(200).body(equalTo(schema));
        client().get("/schemas/ids/{id}/subjects", id).then().statusCode(200).body("$", equalTo(List.of(a, b).stream().sorted().toList()));
        client().get("/schemas/ids/{id}/versions", id).then().statusCode(200)
                .body("subject", equalTo(List.of(a, b).stream().sorted().toList()))
                .body("version", equalTo(List.of(1, 1)));
        client().get("/schemas/ids/{id}?subject={s}", id, a).then().statusCode(200).body("schema", equalTo(schema));
        error(client().get("/schemas/ids/{id}?subject={s}", id, newSubject("other")).then(), 404, 40403);
        error(client().get("/schemas/ids/999999/subjects").then(), 404, 40403);
        error(client().get("/schemas/ids/999999/versions").then(), 404, 40403);
        error(client().get("/schemas/ids/999999/schema").then(), 404, 40403);
        client().get("/schemas/types").then().statusCode(200).body("$", equalTo(List.of("AVRO")));

        client().get("/subjects/{s}/versions/1/schema", a).then().statusCode(200).body(equalTo(schema));
        client().get("/subjects/{s}/versions/latest/schema", a).then().statusCode(200).body(equalTo(schema));
        error(client().get("/subjects/{s}/versions/3/schema", a).then(), 404, 40402);
        client().get("/subjects?subjectPrefix={p}", a.substring(0, 12)).then().body("$", equalTo(List.of(a)));
    }

    @Test
    void schemasWithReferencesAreRegisteredAndServedWithThem() {
        String address = newSubject("ref-address");
        String person = newSubject("ref-person");
        registered(address, ADDRESS);
        Map<String, Object> ref = Map.of("name", "geo.Address", "subject", address, "version", 1);
        int personId = client().body(Api.body(PERSON, List.of(ref))).post("/subjects/{s}/versions", person)
                .then().statusCode(200).extract().path("id");

        client().get("/schemas/ids/{id}", personId).then().statusCode(200)
                // Stored in canonical form: the namespace is implied for the referenced type.
                .body("schema", equalTo(PERSON.replace("geo.Address", "Address")))
                .body("references[0].name", equalTo("geo.Address"))
                .body("references[0].subject", equalTo(address))
                .body("references[0].version", equalTo(1));
        client().get("/subjects/{s}/versions/latest", person).then().body("references[0].subject", equalTo(address));
        client().get("/subjects/{s}/versions/latest", address).then().body("$", not(hasKey("references")));
        // Looked up with the same references: found. Registered again: same id.
        client().body(Api.body(PERSON, List.of(ref))).post("/subjects/{s}", person).then().statusCode(200)
                .body("id", equalTo(personId));
        client().body(Api.body(PERSON, List.of(ref))).post("/subjects/{s}/versions", person).then()
                .body("id", equalTo(personId));

        // Without the reference, the type is unknown; with a reference to nothing, it is named.
        error(register(newSubject("ref-missing"), PERSON), 422, 42201).body("message", containsString("geo.Address"));
        error(client().body(Api.body(PERSON, List.of(Map.of("name", "geo.Address", "subject", address, "version", 5))))
                .post("/subjects/{s}/versions", newSubject("ref-bad")).then(), 422, 42201)
                .body("message", containsString("version 5"));
    }

    @Test
    void normalizeMakesDifferentlySpelledNamesOneSchema() {
        String subject = newSubject("norm");
        String withNamespace = "{\"type\":\"record\",\"name\":\"Norm\",\"namespace\":\"acme\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
        String fullName = "{\"fields\":[{\"type\":\"int\",\"name\":\"x\"}],\"name\":\"acme.Norm\",\"type\":\"record\"}";
        int id = client().body(Api.body(withNamespace)).post("/subjects/{s}/versions?normalize=true", subject)
                .then().statusCode(200).extract().path("id");
        client().body(Api.body(fullName)).post("/subjects/{s}/versions?normalize=true", subject).then().body("id", equalTo(id));
        client().body(Api.body(fullName)).post("/subjects/{s}?normalize=true", subject).then().statusCode(200)
                .body("version", equalTo(1));
        client().get("/schemas/ids/{id}", id).then()
                .body("schema", equalTo("{\"type\":\"record\",\"name\":\"acme.Norm\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}"));
    }

    @Test
    void badInputIsAnsweredPreciselyAndStoresNothing() {
        String subject = newSubject("bad");
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            fields.append(i == 0 ? "" : ",").append("{\"name\":\"field_number_").append(i).append("\",\"type\":\"string\"}");
        }
        String huge = "{\"type\":\"record\",\"name\":\"Huge\",\"fields\":[" + fields + "]}";
        error(register(subject, huge), 422, 42209).body("message", containsString("schema.max.bytes"));
        error(register(subject, "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}"), 422, 42201)
                .body("message", containsString("Duplicate enum symbol"));
        error(register(subject, "{\"type\":\"record\",\"name\":\"D\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}]}"),
                422, 42201).body("message", containsString("default"));
        error(client().body(Map.of("schema", "\"int\"", "references", "nope")).post("/subjects/{s}/versions", subject).then(),
                422, 422).body("message", containsString("references"));
        error(client().body(Map.of("schema", "\"int\"")).post("/subjects/{s}/versions", " ").then(), 422, 42208);
        error(client().get("/subjects/{s}/versions", subject).then(), 404, 40401);
        client().get("/subjects?deleted=true").then().body("$", not(org.hamcrest.Matchers.hasItem(subject)));
    }
}
