package io.tributary.security.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.model.ZoneDescriptor;
import io.tributary.security.Role;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.cloud.CloudPolicyException;
import io.tributary.security.cloud.TestZones;

class RegistryUsersFileTest {

    @Test
    void everyRoleOfEveryZoneGetsItsGrantsAndAHashedPassword(@TempDir Path dir) throws Exception {
        List<ZoneDescriptor> zones = TestZones.write(dir);
        Map<String, String> passwords = passwordsFor(zones);
        Path file = dir.resolve("registry-users.properties");
        RegistryUsersFile.from(passwords).write(zones, file);

        Map<String, String[]> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), l -> l.substring(l.indexOf(':') + 1).split(",")));
        assertThat(lines).hasSize(1 + 3 * Role.values().length);
        assertThat(roles(lines, "tributary-platform")).containsExactly("admin");
        assertThat(roles(lines, "finance-producer")).containsExactly("write:finance.landing.*");
        assertThat(roles(lines, "finance-validator")).containsExactly("write:finance.staging.*", "read:finance.landing.*");
        assertThat(roles(lines, "finance-canonicaliser")).containsExactly("write:finance.ods.*", "read:finance.staging.*",
                "read:hr.staging.departments-*");
        assertThat(roles(lines, "finance-analytical")).containsExactly("write:finance.analytical.*", "read:finance.ods.*",
                "read:hr.staging.departments-*");
        assertThat(roles(lines, "finance-connect")).containsExactly("read:finance.staging.*", "read:finance.ods.*", "read:finance.analytical.*");
        assertThat(roles(lines, "finance-analyst")).containsExactly("read:finance.staging.*", "read:finance.ods.*", "read:finance.analytical.*",
                "read:hr.staging.departments-*");
        assertThat(roles(lines, "audit-analyst")).contains("read:finance.ods.expense-*").noneMatch(r -> r.startsWith("read:hr"));
        assertThat(roles(lines, "hr-analyst")).noneMatch(r -> r.contains("finance") || r.contains("audit"));
        assertThat(roles(lines, "finance-steward")).containsExactly("read:finance.staging.*", "read:finance.ods.*");

        // The password as the registry checks it: SHA-256 of the clear text, which is never written.
        assertThat(lines.get("finance-analyst")[0].trim()).isEqualTo("SHA-256:" + RegistryUsersFile.sha256(passwords.get("finance-analyst")));
        String text = Files.readString(file);
        passwords.values().forEach(p -> assertThat(text).doesNotContain(p));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void missingPasswordsAreNamedAllAtOnceAndNoPasswordIsShown(@TempDir Path dir) {
        List<ZoneDescriptor> zones = TestZones.write(dir);
        Map<String, String> passwords = passwordsFor(zones);
        passwords.remove("hr-steward");
        passwords.remove("tributary-platform");
        assertThatThrownBy(() -> RegistryUsersFile.from(passwords).render(zones)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[tributary-platform, hr-steward]")
                .satisfies(e -> passwords.values().forEach(p -> assertThat(e.getMessage()).doesNotContain(p)));
        assertThat(dir.resolve("registry-users.properties")).doesNotExist();
    }

    @Test
    void anUnknownZoneInPublishesIsAClearError(@TempDir Path dir) {
        List<ZoneDescriptor> zones = TestZones.write(dir, "nowhere");
        assertThatThrownBy(() -> RegistryUsersFile.from(passwordsFor(zones)).render(zones)).isInstanceOf(CloudPolicyException.class)
                .hasMessageContaining("finance.yaml").hasMessageContaining("zone 'nowhere'");
    }

    static Map<String, String> passwordsFor(List<ZoneDescriptor> zones) {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ZonePrincipal.PLATFORM_USER, "platform-pw-1");
        for (ZoneDescriptor zone : zones) {
            for (Role role : Role.values()) {
                String user = ZonePrincipal.of(zone.zone(), role).userName();
                passwords.put(user, "pw-of-" + user + "-x9");
            }
        }
        return passwords;
    }

    private static List<String> roles(Map<String, String[]> lines, String user) {
        String[] parts = lines.get(user);
        assertThat(parts).as(user).isNotNull();
        return Arrays.stream(parts).skip(1).map(String::trim).toList();
    }
}
