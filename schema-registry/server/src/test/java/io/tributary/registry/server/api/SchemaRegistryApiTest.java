package io.tributary.registry.server.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tributary.registry.server.KafkaBrokerResource;

/**
 * The REST API over HTTP against the application backed by a real broker. Every test uses its
 * own subjects, so the order of tests does not matter.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SchemaRegistryApiTest {
    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    /** What Confluent's Java client sends as Accept. */
    private static final String CONFLUENT_ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @Test
    void registeringReturnsAnIdAndTheSchemaCanBeReadBack() {
        String subject = newSubject();
        int id = register(subject, record("Order", "long")).statusCode(200)
                .contentType(startsWith(V1))
                .extract().path("id");

        client().get("/schemas/ids/{id}", id).then().statusCode(200)
                .body("schema", equalTo("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"f\",\"type\":\"long\"}]}"))
                .body("$", not(org.hamcrest.Matchers.hasKey("schemaType")));
    }

    @Test
    void theSameSchemaUnderSeveralSubjectsGetsOneIdAndReRegisteringChangesNothing() {
        String first = newSubject();
        String second = newSubject();
        String schema = record("Shared", "string");
        int id = register(first, schema).statusCode(200).extract().path("id");
        // Differently formatted, still the same schema.
        String reformatted = "{ \"fields\": [ {\"type\": \"string\", \"name\": \"f\"} ], \"name\": \"Shared\", \"type\": \"record\" }";
        register(second, reformatted).statusCode(200).body("id", equalTo(id));
        register(first, schema).statusCode(200).body("id", equalTo(id));

        client().get("/subjects/{s}/versions", first).then().statusCode(200).body("$", equalTo(List.of(1)));
        client().get("/subjects/{s}/versions", second).then().statusCode(200).body("$", equalTo(List.of(1)));
    }

    @Test
    void versionsAreNumberedPerSubjectAndLatestIsTheHighest() {
        String subject = newSubject();
        int id1 = register(subject, record("Evolving", "int")).statusCode(200).extract().path("id");
        int id2 = register(subject, record("Evolving", "long")).statusCode(200).extract().path("id");
        assertThat(id2).isNotEqualTo(id1);

        client().get("/subjects/{s}/versions", subject).then().statusCode(200).body("$", equalTo(List.of(1, 2)));
        client().get("/subjects/{s}/versions/latest", subject).then().statusCode(200)
                .body("subject", equalTo(subject))
                .body("version", equalTo(2))
                .body("id", equalTo(id2))
                .body("schema", containsString("\"long\""));
        client().get("/subjects/{s}/versions/1", subject).then().statusCode(200)
                .body("version", equalTo(1)).body("id", equalTo(id1)).body("schema", containsString("\"int\""));
        client().get("/subjects/{s}/versions/-1", subject).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void subjectsListsEveryRegisteredSubject() {
        String a = newSubject();
        String b = newSubject();
        register(a, "\"string\"").statusCode(200);
        register(b, "\"bytes\"").statusCode(200);
        client().get("/subjects").then().statusCode(200).body("$", hasItems(a, b));
    }

    @Test
    void lookingUpASchemaUnderASubject() {
        String subject = newSubject();
        client().body(Map.of("compatibility", "NONE")).put("/config/{s}", subject).then().statusCode(200);
        int id = register(subject, record("Lookup", "double")).statusCode(200).extract().path("id");
        register(subject, record("Lookup", "float")).statusCode(200);

        client().body(body(record("Lookup", "double"))).post("/subjects/{s}", subject).then().statusCode(200)
                .body("subject", equalTo(subject)).body("version", equalTo(1)).body("id", equalTo(id))
                .body("schema", containsString("double"));
        error(client().body(body(record("Lookup", "boolean"))).post("/subjects/{s}", subject).then(), 404, 40403);
        error(client().body(body(record("Lookup", "double"))).post("/subjects/{s}", "never-registered").then(), 404, 40401);
        // A schema known under another subject is still not found under this one.
        String other = newSubject();
        register(other, "\"null\"").statusCode(200);
        error(client().body(body("\"null\"")).post("/subjects/{s}", subject).then(), 404, 40403);
    }

    @Test
    void notFoundErrorsCarryConfluentCodes() {
        error(client().get("/schemas/ids/{id}", 987654).then(), 404, 40403).body("message", containsString("987654"));
        error(client().get("/schemas/ids/abc").then(), 404, 40403);
        error(client().get("/subjects/{s}/versions", "no-such-subject").then(), 404, 40401)
                .body("message", containsString("no-such-subject"));
        error(client().get("/subjects/{s}/versions/latest", "no-such-subject").then(), 404, 40401);
        error(client().get("/subjects/{s}/versions/1", "no-such-subject").then(), 404, 40401);

        String subject = newSubject();
        register(subject, "\"float\"").statusCode(200);
        error(client().get("/subjects/{s}/versions/2", subject).then(), 404, 40402).body("message", containsString("2"));
    }

    @Test
    void invalidVersionsAre42202() {
        String subject = newSubject();
        register(subject, "\"double\"").statusCode(200);
        for (String bad : new String[] {"0", "-2", "abc", "1.5"}) {
            error(client().get("/subjects/{s}/versions/{v}", subject, bad).then(), 422, 42202)
                    .body("message", containsString(bad));
        }
    }

    @Test
    void invalidAvroIs42201AndNothingIsRegistered() {
        String subject = newSubject();
        error(register(subject, "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"a\",\"type\":\"nosuchtype\"}]}"),
                422, 42201).body("message", containsString("nosuchtype"));
        error(register(subject, "{\"type\": \"record\""), 422, 42201).body("message", startsWith("Invalid Avro schema"));
        error(client().get("/subjects/{s}/versions", subject).then(), 404, 40401);
    }

    @Test
    void unsupportedSchemaTypesAre42201WithAClearMessage() {
        String subject = newSubject();
        error(client().body(Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"))
                .post("/subjects/{s}/versions", subject).then(), 422, 42201)
                .body("message", containsString("Unsupported schemaType 'PROTOBUF'"));
        error(client().body(Map.of("schema", "{}", "schemaType", "JSON"))
                .post("/subjects/{s}/versions", subject).then(), 422, 42201)
                .body("message", containsString("AVRO"));
        client().body(Map.of("schema", "\"long\"", "schemaType", "AVRO"))
                .post("/subjects/{s}/versions", subject).then().statusCode(200);
    }

    @Test
    void malformedBodiesGetConfluentErrorBodiesNotStackTraces() {
        String subject = newSubject();
        error(given().contentType(V1).body("{\"schema\": ").post("/subjects/{s}/versions", subject).then(), 400, 400)
                .body("message", containsString("line 1"))
                .body("message", not(containsString("at io.")));
        error(given().contentType(V1).body("{\"schema\": {\"type\": \"string\"}}").post("/subjects/{s}/versions", subject).then(),
                422, 422).body("message", containsString("'schema'"));
        error(given().contentType(V1).body("{\"schemaType\": \"AVRO\"}").post("/subjects/{s}/versions", subject).then(), 422, 42201)
                .body("message", containsString("'schema' is missing"));
        error(given().contentType(V1).body("").post("/subjects/{s}/versions", subject).then(), 400, 400);
        error(given().contentType("text/plain").body("{\"schema\":\"\\\"int\\\"\"}")
                .post("/subjects/{s}/versions", subject).then(), 415, 415);
    }

    @Test
    void plainJsonAndConfluentContentTypesAreBothAcceptedAndProduced() {
        String subject = newSubject();
        given().contentType("application/json").accept("application/json").body(body("\"int\""))
                .post("/subjects/{s}/versions", subject)
                .then().statusCode(200).contentType(startsWith("application/json")).body("id", org.hamcrest.Matchers.notNullValue());
        given().contentType("application/vnd.schemaregistry+json").accept(CONFLUENT_ACCEPT).body(body("\"int\""))
                .post("/subjects/{s}/versions", subject)
                .then().statusCode(200).contentType(startsWith(V1));
        // A client that states no type at all gets Confluent's.
        given().get("/subjects/{s}/versions/latest", subject).then().statusCode(200).contentType(startsWith(V1));
        given().get("/").then().statusCode(200).body("$", equalTo(Map.of()));
    }

    @Test
    void unknownPathsAnswerWithAnErrorBody() {
        error(client().get("/no/such/path").then(), 404, 404);
    }

    @Test
    void healthIsReadyOnceTheStoreHasCaughtUpAndMetricsAreExposed() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'schema-store' }.data.topic", equalTo("_schemas"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        register(newSubject(), "\"boolean\"").statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tributary_registry_schemas"))
                .body(containsString("tributary_registry_ready 1.0"));
    }

    private static String newSubject() {
        return "api-test-" + SUBJECTS.incrementAndGet() + "-value";
    }

    private static String record(String name, String fieldType) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"" + fieldType + "\"}]}";
    }

    private static Map<String, String> body(String schema) {
        return Map.of("schema", schema);
    }

    private static RequestSpecification client() {
        return given().contentType(V1).accept(CONFLUENT_ACCEPT);
    }

    private static ValidatableResponse register(String subject, String schema) {
        return client().body(body(schema)).post("/subjects/{s}/versions", subject).then();
    }

    private static ValidatableResponse error(ValidatableResponse response, int status, int errorCode) {
        return response.statusCode(status)
                .body("error_code", equalTo(errorCode))
                .body("message", org.hamcrest.Matchers.notNullValue());
    }
}
