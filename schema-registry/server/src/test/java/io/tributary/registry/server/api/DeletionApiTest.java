package io.tributary.registry.server.api;

import static io.tributary.registry.server.api.Api.client;
import static io.tributary.registry.server.api.Api.error;
import static io.tributary.registry.server.api.Api.newSubject;
import static io.tributary.registry.server.api.Api.record;
import static io.tributary.registry.server.api.Api.register;
import static io.tributary.registry.server.api.Api.registered;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.registry.server.KafkaBrokerResource;

/** Soft and permanent deletion of subjects and versions, and what they leave visible. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class DeletionApiTest {

    @Test
    void aSubjectIsSoftDeletedThenPermanentlyDeleted() {
        String subject = newSubject("del");
        Api.config(subject, "NONE");
        int id1 = registered(subject, record("Del", "int"));
        registered(subject, record("Del", "string"));

        // Permanent first is refused: it must be soft-deleted before.
        error(client().delete("/subjects/{s}?permanent=true", subject).then(), 404, 40405);
        client().delete("/subjects/{s}", subject).then().statusCode(200).body("$", equalTo(List.of(1, 2)));

        error(client().get("/subjects/{s}/versions", subject).then(), 404, 40401);
        client().get("/subjects").then().body("$", not(hasItem(subject)));
        client().get("/subjects?deleted=true").then().body("$", hasItem(subject));
        client().get("/subjects/{s}/versions?deleted=true", subject).then().statusCode(200).body("$", equalTo(List.of(1, 2)));
        client().get("/subjects/{s}/versions/1?deleted=true", subject).then().statusCode(200).body("id", equalTo(id1));
        error(client().get("/subjects/{s}/versions/1", subject).then(), 404, 40401);
        // Lookup among deleted versions.
        client().body(Api.body(record("Del", "int"))).post("/subjects/{s}?deleted=true", subject).then().statusCode(200)
                .body("version", equalTo(1));
        // The schema keeps its id and stays readable by id.
        client().get("/schemas/ids/{id}", id1).then().statusCode(200);
        error(client().delete("/subjects/{s}", subject).then(), 404, 40404).body("message", containsString("permanent=true"));

        client().delete("/subjects/{s}?permanent=true", subject).then().statusCode(200).body("$", equalTo(List.of(1, 2)));
        client().get("/subjects?deleted=true").then().body("$", not(hasItem(subject)));
        error(client().delete("/subjects/{s}", subject).then(), 404, 40401);
        // A new registration starts the subject again.
        register(subject, record("Del", "int")).statusCode(200).body("id", equalTo(id1));
    }

    @Test
    void aVersionIsSoftDeletedThenPermanentlyDeletedAndVersionNumbersAreNotReused() {
        String subject = newSubject("delv");
        Api.config(subject, "NONE");
        registered(subject, record("DelV", "int"));
        registered(subject, record("DelV", "long"));
        error(client().delete("/subjects/{s}/versions/2?permanent=true", subject).then(), 404, 40407);
        client().delete("/subjects/{s}/versions/latest", subject).then().statusCode(200).body(equalTo("2"));
        error(client().delete("/subjects/{s}/versions/2", subject).then(), 404, 40406);
        client().get("/subjects/{s}/versions", subject).then().body("$", equalTo(List.of(1)));
        client().get("/subjects/{s}/versions/latest", subject).then().body("version", equalTo(1));
        error(client().get("/subjects/{s}/versions/2", subject).then(), 404, 40402);
        client().delete("/subjects/{s}/versions/2?permanent=true", subject).then().statusCode(200).body(equalTo("2"));
        error(client().delete("/subjects/{s}/versions/2?permanent=true", subject).then(), 404, 40402);
        error(client().delete("/subjects/{s}/versions/9", subject).then(), 404, 40402);
        error(client().delete("/subjects/{s}/versions/zero", subject).then(), 422, 42202);
        error(client().delete("/subjects/{s}/versions/1", "never-seen-value").then(), 404, 40401);

        // Re-registering the soft-deleted schema makes a new version.
        register(subject, record("DelV", "long")).statusCode(200);
        client().get("/subjects/{s}/versions", subject).then().body("$", equalTo(List.of(1, 2)));
    }

    @Test
    void aReferencedVersionCannotBeDeleted() {
        String address = newSubject("address");
        String customer = newSubject("customer");
        registered(address, "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"shop\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}");
        int customerId = client().body(Api.body("{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"shop\",\"fields\":"
                        + "[{\"name\":\"home\",\"type\":\"shop.Address\"}]}",
                        List.of(Map.of("name", "shop.Address", "subject", address, "version", 1))))
                .post("/subjects/{s}/versions", customer).then().statusCode(200).extract().path("id");

        client().get("/subjects/{s}/versions/1/referencedby", address).then().statusCode(200)
                .body("$", equalTo(List.of(customerId)));
        error(client().delete("/subjects/{s}/versions/1", address).then(), 422, 42206)
                .body("message", containsString(String.valueOf(customerId)));
        error(client().delete("/subjects/{s}", address).then(), 422, 42206);

        client().delete("/subjects/{s}", customer).then().statusCode(200);
        client().get("/subjects/{s}/versions/1/referencedby", address).then().statusCode(200).body("$", equalTo(List.of()));
        client().delete("/subjects/{s}/versions/1", address).then().statusCode(200);
    }
}
