package io.tributary.registry.server.api;

import static io.tributary.registry.server.api.Api.client;
import static io.tributary.registry.server.api.Api.config;
import static io.tributary.registry.server.api.Api.error;
import static io.tributary.registry.server.api.Api.newSubject;
import static io.tributary.registry.server.api.Api.recordWith;
import static io.tributary.registry.server.api.Api.register;
import static io.tributary.registry.server.api.Api.registered;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.registry.server.KafkaBrokerResource;

/** Compatibility levels enforced on registration, and the /compatibility resource. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CompatibilityApiTest {
    private static final String OPTIONAL_NOTE = "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}";
    private static final String REQUIRED_NOTE = "{\"name\":\"note\",\"type\":\"string\"}";
    private static final String REQUIRED_CODE = "{\"name\":\"code\",\"type\":\"int\"}";

    @Test
    void backwardIsTheDefaultAndAnIncompatibleSchemaIs409WithNothingStored() {
        String subject = newSubject("compat");
        registered(subject, recordWith("Order"));
        // A new field with a default can be read from old data: backward compatible.
        registered(subject, recordWith("Order", OPTIONAL_NOTE));
        // A required field without default cannot: 409 with Avro's reason.
        error(register(subject, recordWith("Order", OPTIONAL_NOTE, REQUIRED_CODE)), 409, 409)
                .body("message", containsString("code"))
                .body("message", containsString("READER_FIELD_MISSING_DEFAULT_VALUE"));
        client().get("/subjects/{s}/versions", subject).then().body("$", equalTo(List.of(1, 2)));
    }

    @Test
    void forwardAndFullLevelsCheckTheOtherDirection() {
        String forward = newSubject("fwd");
        config(forward, "FORWARD");
        registered(forward, recordWith("F", REQUIRED_NOTE));
        // Removing a required field: old readers lack a value for it -> not forward compatible.
        error(register(forward, recordWith("F")), 409, 409);
        // Adding a field is fine for old readers (they ignore it).
        registered(forward, recordWith("F", REQUIRED_NOTE, REQUIRED_CODE));

        String full = newSubject("full");
        config(full, "FULL");
        registered(full, recordWith("G"));
        error(register(full, recordWith("G", REQUIRED_CODE)), 409, 409);
        registered(full, recordWith("G", OPTIONAL_NOTE));
    }

    @Test
    void transitiveLevelsCheckEveryVersionNotOnlyTheLatest() {
        String plain = newSubject("nontrans");
        String transitive = newSubject("trans");
        config(plain, "BACKWARD");
        config(transitive, "BACKWARD_TRANSITIVE");
        for (String subject : List.of(plain, transitive)) {
            registered(subject, recordWith("T"));
            registered(subject, recordWith("T", "{\"name\":\"code\",\"type\":\"int\",\"default\":0}"));
        }
        // Drops the default: fine against v2 (which has the field), not against v1 (which lacks it).
        String v3 = recordWith("T", REQUIRED_CODE);
        registered(plain, v3);
        error(register(transitive, v3), 409, 409).body("message", containsString("oldSchemaVersion: 1"));
    }

    @Test
    void noneAcceptsAnything() {
        String subject = newSubject("none");
        config(subject, "NONE");
        registered(subject, recordWith("N"));
        registered(subject, "\"string\"");
    }

    @Test
    void theCompatibilityResourceAnswersWithoutRegistering() {
        String subject = newSubject("check");
        registered(subject, recordWith("C"));
        client().body(Api.body(recordWith("C", OPTIONAL_NOTE)))
                .post("/compatibility/subjects/{s}/versions/latest", subject).then().statusCode(200)
                .body("is_compatible", equalTo(true)).body("$", not(hasKey("messages")));
        client().body(Api.body(recordWith("C", REQUIRED_CODE)))
                .post("/compatibility/subjects/{s}/versions/1?verbose=true", subject).then().statusCode(200)
                .body("is_compatible", equalTo(false))
                .body("messages[0]", containsString("code"));
        client().body(Api.body(recordWith("C", REQUIRED_CODE)))
                .post("/compatibility/subjects/{s}/versions", subject).then().statusCode(200)
                .body("is_compatible", equalTo(false));
        client().get("/subjects/{s}/versions", subject).then().body("$", equalTo(List.of(1)));

        // Nothing registered yet: compatible with nothing.
        client().body(Api.body("\"int\"")).post("/compatibility/subjects/{s}/versions/latest", newSubject("empty"))
                .then().statusCode(200).body("is_compatible", equalTo(true));
        error(client().body(Api.body("\"int\"")).post("/compatibility/subjects/{s}/versions/1", newSubject("empty")).then(),
                404, 40401);
        error(client().body(Api.body("\"int\"")).post("/compatibility/subjects/{s}/versions/7", subject).then(), 404, 40402);
        error(client().body(Api.body("\"int\"")).post("/compatibility/subjects/{s}/versions/0", subject).then(), 422, 42202);
        error(client().body(Api.body("{\"type\":\"nope\"}")).post("/compatibility/subjects/{s}/versions/1", subject).then(),
                422, 42201);
    }
}
