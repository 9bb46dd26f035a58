package io.tributary.registry.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.registry.server.security.AccessPolicy.Decision.Outcome;

class AccessPolicyTest {
    private static final RegistryPrincipal FINANCE = new RegistryPrincipal("fin", Set.of("zone:finance"));
    private static final RegistryPrincipal ADMIN = new RegistryPrincipal("root", Set.of("admin"));
    private static final RegistryPrincipal READER = new RegistryPrincipal("connect", Set.of("reader"));

    private final AccessPolicy zones = new AccessPolicy(true, true, AccessPolicy.ReadAccess.ZONE);

    @Test
    void requestsAreClassifiedByMethodAndPath() {
        assertThat(RequestTarget.of("POST", List.of("subjects", "a.b.c-value", "versions")))
                .isEqualTo(new RequestTarget(RequestTarget.Operation.REGISTER, RequestTarget.Kind.SUBJECT, "a.b.c-value", null));
        assertThat(RequestTarget.of("POST", List.of("subjects", "a.b.c-value")).write()).isFalse();
        assertThat(RequestTarget.of("DELETE", List.of("subjects", "s", "versions", "1")).write()).isTrue();
        assertThat(RequestTarget.of("PUT", List.of("config")).kind()).isEqualTo(RequestTarget.Kind.GLOBAL);
        assertThat(RequestTarget.of("GET", List.of("config")).write()).isFalse();
        assertThat(RequestTarget.of("PUT", List.of("mode", "s")).kind()).isEqualTo(RequestTarget.Kind.SUBJECT);
        assertThat(RequestTarget.of("POST", List.of("compatibility", "subjects", "s", "versions", "latest")))
                .isEqualTo(new RequestTarget(RequestTarget.Operation.READ, RequestTarget.Kind.SUBJECT, "s", null));
        assertThat(RequestTarget.of("GET", List.of("schemas", "ids", "12", "schema")).schemaId()).isEqualTo(12);
    }

    @Test
    void zonesWriteTheirOwnSubjectsOnly() {
        assertThat(decide("POST", FINANCE, "subjects", "finance.staging.orders-value", "versions")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", FINANCE, "subjects", "audit.staging.orders-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", FINANCE, "subjects", "orders-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("PUT", FINANCE, "config")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("PUT", FINANCE, "config", "finance.staging.orders-value")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("PUT", ADMIN, "config")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", null, "subjects", "finance.x-value", "versions")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(decide("POST", READER, "subjects", "finance.x-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
    }

    @Test
    void readsFollowTheReadSetting() {
        assertThat(decide("GET", FINANCE, "subjects", "audit.x-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("GET", READER, "subjects", "audit.x-value", "versions")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("GET", null, "subjects")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(zones.decide(RequestTarget.of("GET", List.of("schemas", "ids", "4")), FINANCE,
                id -> List.of("audit.x-value", "finance.y-value")).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(zones.decide(RequestTarget.of("GET", List.of("schemas", "ids", "4")), FINANCE,
                id -> List.of("audit.x-value")).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(zones.readableSubjects(FINANCE, List.of("audit.a-value", "finance.b-value", "c-value")))
                .containsExactly("finance.b-value");
        AccessPolicy anyone = new AccessPolicy(true, true, AccessPolicy.ReadAccess.ANYONE);
        assertThat(anyone.decide(RequestTarget.of("GET", List.of("subjects")), null, id -> List.of()).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.open().decide(RequestTarget.of("DELETE", List.of("subjects", "x")), null, id -> List.of())
                .outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void theUsersFileIsReadWithClearAndHashedPasswords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "# comment\nfin: secret, zone:finance, reader\nroot: SHA-256:" + UserStore.sha256("pw") + ",admin\n");
        UserStore users = UserStore.load(file);
        assertThat(users.authenticate("fin", "secret")).hasValueSatisfying(p -> assertThat(p.zones()).containsExactly("finance"));
        assertThat(users.authenticate("fin", "wrong")).isEmpty();
        assertThat(users.authenticate("root", "pw")).hasValueSatisfying(p -> assertThat(p.isAdmin()).isTrue());
        assertThat(users.authenticate("nobody", "pw")).isEmpty();
        Files.writeString(file, "fin secret\n");
        assertThatThrownBy(() -> UserStore.load(file)).hasMessageContaining("line 1");
    }

    @Test
    void theZoneOfASubjectIsItsTopicsFirstPart() {
        assertThat(ZoneOfSubject.of("finance.staging.orders-value")).hasValue("finance");
        assertThat(ZoneOfSubject.of("finance.staging.orders-shop.Order")).hasValue("finance");
        assertThat(ZoneOfSubject.of("orders-value")).isEmpty();
        assertThat(ZoneOfSubject.of("Finance.x-value")).isEmpty();
    }

    @Test
    void writesAreToldApart() {
        assertThat(RequestTarget.of("DELETE", List.of("subjects", "s")).operation()).isEqualTo(RequestTarget.Operation.DELETE);
        assertThat(RequestTarget.of("PUT", List.of("config", "s")).operation()).isEqualTo(RequestTarget.Operation.CONFIGURE);
        assertThat(RequestTarget.of("DELETE", List.of("mode", "s")).operation()).isEqualTo(RequestTarget.Operation.CONFIGURE);
        assertThat(RequestTarget.of("POST", List.of("subjects", "s", "versions")).operation()).isEqualTo(RequestTarget.Operation.REGISTER);
        assertThat(RequestTarget.of("POST", List.of("subjects", "s")).operation()).isEqualTo(RequestTarget.Operation.READ);
    }

    @Test
    void writeGrantsRegisterButNeverDeleteOrConfigure() {
        RegistryPrincipal producer = new RegistryPrincipal("finance-producer", Set.of("write:finance.landing.*"));
        assertThat(decide("POST", producer, "subjects", "finance.landing.expenses-value", "versions")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", producer, "subjects", "finance.staging.expenses-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("DELETE", producer, "subjects", "finance.landing.expenses-value")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("PUT", producer, "config", "finance.landing.expenses-value")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("PUT", producer, "mode", "finance.landing.expenses-value")).isEqualTo(Outcome.FORBIDDEN);
        // What it registers it may read back (a serializer looks its id up).
        assertThat(decide("GET", producer, "subjects", "finance.landing.expenses-value", "versions", "latest")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("POST", producer, "subjects", "finance.landing.expenses-value")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("GET", producer, "subjects", "finance.staging.expenses-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(zones.decide(RequestTarget.of("DELETE", List.of("subjects", "finance.landing.x-value")), producer, id -> List.of())
                .reason()).contains("may register", "not delete", "zone:finance");
    }

    @Test
    void readGrantsOpenPublishedSubjectsOfAnotherZoneAndNothingElse() {
        RegistryPrincipal analyst = new RegistryPrincipal("finance-analyst",
                Set.of("read:finance.staging.*", "read:hr.staging.departments-*"));
        assertThat(decide("GET", analyst, "subjects", "hr.staging.departments-value", "versions", "1")).isEqualTo(Outcome.ALLOW);
        assertThat(decide("GET", analyst, "subjects", "hr.staging.departments_private-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("GET", analyst, "subjects", "hr.staging.employees-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", analyst, "subjects", "hr.staging.departments-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(decide("POST", analyst, "subjects", "finance.staging.expenses-value", "versions")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(zones.readableSubjects(analyst, List.of("hr.staging.departments-value", "hr.staging.employees-value",
                "finance.staging.expenses-value", "finance.landing.expenses-value")))
                .containsExactly("hr.staging.departments-value", "finance.staging.expenses-value");
        assertThat(zones.decide(RequestTarget.of("GET", List.of("schemas", "ids", "7")), analyst,
                id -> List.of("hr.staging.departments-value")).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(zones.decide(RequestTarget.of("GET", List.of("schemas", "ids", "7")), analyst,
                id -> List.of("hr.staging.employees-value")).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(zones.decide(RequestTarget.of("GET", List.of("subjects", "hr.staging.employees-value", "versions")), analyst,
                id -> List.of()).reason()).contains("hr.staging.departments-*");
    }

    @Test
    void grantsAreExactSubjectsOrPrefixes() {
        assertThat(new SubjectPattern("a.b.c-value").matches("a.b.c-value")).isTrue();
        assertThat(new SubjectPattern("a.b.c-value").matches("a.b.c-value2")).isFalse();
        assertThat(new SubjectPattern("a.b.c-*").matches("a.b.c-key")).isTrue();
        assertThat(new SubjectPattern("a.b.c-*").matches("a.b.cd-key")).isFalse();
        assertThatThrownBy(() -> new SubjectPattern("a.*.c")).hasMessageContaining("'*' may only end");
        assertThatThrownBy(() -> new RegistryPrincipal("x", Set.of("read:"))).hasMessageContaining("role 'read:'");
    }

    @Test
    void aMalformedGrantInTheUsersFileNamesItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "ok: pw, read:finance.*\nbad: pw, write:finance.*.x\n");
        assertThatThrownBy(() -> UserStore.load(file)).hasMessageContaining("line 2").hasMessageContaining("user 'bad'")
                .hasMessageContaining("write:finance.*.x");
    }

    private Outcome decide(String method, RegistryPrincipal principal, String... path) {
        return zones.decide(RequestTarget.of(method, List.of(path)), principal, id -> List.of()).outcome();
    }
}
