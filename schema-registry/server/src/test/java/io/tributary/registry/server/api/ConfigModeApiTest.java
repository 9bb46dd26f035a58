package io.tributary.registry.server.api;

import static io.tributary.registry.server.api.Api.client;
import static io.tributary.registry.server.api.Api.error;
import static io.tributary.registry.server.api.Api.newSubject;
import static io.tributary.registry.server.api.Api.record;
import static io.tributary.registry.server.api.Api.register;
import static io.tributary.registry.server.api.Api.registered;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.registry.server.KafkaBrokerResource;

/** The /config and /mode resources, and what modes do to writes. Global changes are undone at once. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ConfigModeApiTest {

    @Test
    void globalAndSubjectCompatibilityLevels() {
        client().get("/config").then().statusCode(200).body("compatibilityLevel", equalTo("BACKWARD"));
        try {
            client().body(Map.of("compatibility", "FULL")).put("/config").then().statusCode(200)
                    .body("compatibility", equalTo("FULL"));
            client().get("/config").then().body("compatibilityLevel", equalTo("FULL"));
        } finally {
            client().delete("/config").then().statusCode(200).body("compatibilityLevel", equalTo("FULL"));
        }
        client().get("/config").then().body("compatibilityLevel", equalTo("BACKWARD"));

        String subject = newSubject("cfg");
        error(client().get("/config/{s}", subject).then(), 404, 40408);
        client().get("/config/{s}?defaultToGlobal=true", subject).then().statusCode(200)
                .body("compatibilityLevel", equalTo("BACKWARD"));
        client().body(Map.of("compatibility", "forward_transitive")).put("/config/{s}", subject).then().statusCode(200)
                .body("compatibility", equalTo("FORWARD_TRANSITIVE"));
        client().get("/config/{s}", subject).then().body("compatibilityLevel", equalTo("FORWARD_TRANSITIVE"));
        client().delete("/config/{s}", subject).then().statusCode(200).body("compatibilityLevel", equalTo("FORWARD_TRANSITIVE"));
        error(client().delete("/config/{s}", subject).then(), 404, 40408);

        error(client().body(Map.of("compatibility", "SIDEWAYS")).put("/config/{s}", subject).then(), 422, 42203)
                .body("message", containsString("SIDEWAYS"));
        error(client().body(Map.of("level", "FULL")).put("/config").then(), 422, 42203)
                .body("message", containsString("'compatibility' is missing"));
        error(client().body("{\"compatibility\": ").put("/config").then(), 400, 400);
        client().get("/config").then().body("compatibilityLevel", equalTo("BACKWARD"));
    }

    @Test
    void readOnlyRefusesWritesButServesReads() {
        String subject = newSubject("ro");
        int id = registered(subject, "\"string\"");
        client().body(Map.of("mode", "READONLY")).put("/mode/{s}", subject).then().statusCode(200)
                .body("mode", equalTo("READONLY"));
        client().get("/mode/{s}", subject).then().body("mode", equalTo("READONLY"));
        error(register(subject, "\"int\""), 422, 42205).body("message", containsString("read-only"));
        error(client().delete("/subjects/{s}", subject).then(), 422, 42205);
        client().get("/schemas/ids/{id}", id).then().statusCode(200);
        // Other subjects are not affected.
        registered(newSubject("rw"), "\"int\"");
        client().delete("/mode/{s}", subject).then().statusCode(200).body("mode", equalTo("READONLY"));
        error(client().get("/mode/{s}", subject).then(), 404, 40409);
        client().get("/mode/{s}?defaultToGlobal=true", subject).then().body("mode", equalTo("READWRITE"));
        registered(subject, "\"string\"");

        try {
            client().body(Map.of("mode", "READONLY")).put("/mode").then().statusCode(200).body("mode", equalTo("READONLY"));
            client().get("/mode").then().body("mode", equalTo("READONLY"));
            error(register(newSubject("global-ro"), "\"long\""), 422, 42205);
        } finally {
            client().body(Map.of("mode", "READWRITE")).put("/mode").then().statusCode(200);
        }
        error(client().body(Map.of("mode", "SOMETIMES")).put("/mode").then(), 422, 42204);
    }

    @Test
    void importModeTakesGivenIdsAndVersions() {
        String subject = newSubject("import");
        // Registering with an id outside IMPORT mode is refused.
        error(client().body(Map.of("schema", "\"bytes\"", "id", 5000)).post("/subjects/{s}/versions", subject).then(),
                422, 42205).body("message", containsString("IMPORT"));
        // A subject that holds schemas can only be switched with force=true.
        String busy = newSubject("busy");
        registered(busy, "\"long\"");
        error(client().body(Map.of("mode", "IMPORT")).put("/mode/{s}", busy).then(), 422, 42205)
                .body("message", containsString("force=true"));
        error(client().body(Map.of("mode", "IMPORT")).put("/mode").then(), 422, 42205);

        client().body(Map.of("mode", "IMPORT")).put("/mode/{s}", subject).then().statusCode(200);
        String schema = record("Imported", "string");
        client().body(withIdAndVersion(schema, 7001, 3)).post("/subjects/{s}/versions", subject).then().statusCode(200)
                .body("id", equalTo(7001));
        client().get("/subjects/{s}/versions", subject).then().body("$", equalTo(List.of(3)));
        client().get("/schemas/ids/7001").then().statusCode(200).body("schema", equalTo(schema));
        // The same import again changes nothing; another schema under a taken id or version is refused.
        client().body(withIdAndVersion(schema, 7001, 3)).post("/subjects/{s}/versions", subject).then().statusCode(200);
        error(client().body(withIdAndVersion(record("Other", "int"), 7001, 4)).post("/subjects/{s}/versions", subject).then(),
                422, 42207);
        error(client().body(withIdAndVersion(record("Other", "int"), 7002, 3)).post("/subjects/{s}/versions", subject).then(),
                422, 42205);
        client().delete("/mode/{s}", subject).then().statusCode(200);
        // Ids chosen afterwards continue above the imported ones.
        int next = registered(newSubject("after-import"), record("AfterImport", "int"));
        org.assertj.core.api.Assertions.assertThat(next).isGreaterThan(7001);
    }

    private static Map<String, Object> withIdAndVersion(String schema, int id, int version) {
        Map<String, Object> body = new HashMap<>();
        body.put("schema", schema);
        body.put("id", id);
        body.put("version", version);
        return body;
    }
}
