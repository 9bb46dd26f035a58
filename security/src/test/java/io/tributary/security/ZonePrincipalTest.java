package io.tributary.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZonePrincipalTest {

    @Test
    void namesAZonesRoleAndReadsItBack() {
        ZonePrincipal principal = ZonePrincipal.of("payroll_eu", Role.CANONICALISER);
        assertThat(principal.userName()).isEqualTo("payroll_eu-canonicaliser");
        assertThat(principal.principal()).isEqualTo("User:payroll_eu-canonicaliser");
        assertThat(ZonePrincipal.parse("User:payroll_eu-canonicaliser")).contains(principal);
        assertThat(ZonePrincipal.parse("payroll_eu-canonicaliser")).contains(principal);
    }

    @Test
    void namesOutsideTheSchemeAreNotZonePrincipals() {
        assertThat(ZonePrincipal.parse("User:tributary-platform")).isEmpty();
        assertThat(ZonePrincipal.parse("User:alice")).isEmpty();
        assertThat(ZonePrincipal.parse("User:-producer")).isEmpty();
        assertThat(ZonePrincipal.parse("User:Fin-producer")).isEmpty();
        assertThatThrownBy(() -> ZonePrincipal.of("Fin-ance", Role.ANALYST)).hasMessageContaining("zone name 'Fin-ance'");
    }
}
