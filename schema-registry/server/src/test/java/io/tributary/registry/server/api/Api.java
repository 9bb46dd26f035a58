package io.tributary.registry.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Small helpers for API tests: Confluent's content types, unique subjects, error assertions. */
final class Api {
    static final String V1 = "application/vnd.schemaregistry.v1+json";
    /** What Confluent's Java client sends as Accept. */
    static final String CONFLUENT_ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private Api() {
    }

    static String newSubject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-value";
    }

    static String record(String name, String fieldType) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"" + fieldType + "\"}]}";
    }

    /** A record with field f (long) and the given extra fields, e.g. {"name":"g","type":"string"}. */
    static String recordWith(String name, String... extraFields) {
        StringBuilder fields = new StringBuilder("{\"name\":\"f\",\"type\":\"long\"}");
        for (String f : extraFields) {
            fields.append(',').append(f);
        }
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}";
    }

    static Map<String, Object> body(String schema) {
        return Map.of("schema", schema);
    }

    static Map<String, Object> body(String schema, List<Map<String, Object>> references) {
        Map<String, Object> body = new HashMap<>();
        body.put("schema", schema);
        body.put("references", references);
        return body;
    }

    static RequestSpecification client() {
        return given().contentType(V1).accept(CONFLUENT_ACCEPT);
    }

    static ValidatableResponse register(String subject, String schema) {
        return client().body(body(schema)).post("/subjects/{s}/versions", subject).then();
    }

    static int registered(String subject, String schema) {
        return register(subject, schema).statusCode(200).extract().path("id");
    }

    static void config(String subject, String level) {
        client().body(Map.of("compatibility", level)).put("/config/{s}", subject).then().statusCode(200);
    }

    static ValidatableResponse error(ValidatableResponse response, int status, int errorCode) {
        return response.statusCode(status)
                .body("error_code", equalTo(errorCode))
                .body("message", org.hamcrest.Matchers.notNullValue());
    }
}
