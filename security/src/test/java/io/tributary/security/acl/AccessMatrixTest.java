package io.tributary.security.acl;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;

import io.tributary.model.ZoneDescriptor;

class AccessMatrixTest {

    @Test
    void listsWhoMayDoWhatOnEachTopicOfTheZoneIncludingOtherZonesReadingPublishedData() {
        List<ZoneDescriptor> zones = ExampleZones.load();
        AccessMatrix hr = AccessMatrix.forZone("hr", zones, ZoneAcls.desired(zones));

        assertThat(hr.operations("hr.landing.departments", "User:hr-producer")).containsExactlyInAnyOrder(AclOperation.WRITE,
                AclOperation.DESCRIBE);
        assertThat(hr.operations("hr.landing.departments", "User:hr-analyst")).isEmpty();
        assertThat(hr.operations("hr.staging.departments", "User:finance-analytical")).containsExactlyInAnyOrder(AclOperation.READ,
                AclOperation.DESCRIBE);
        assertThat(hr.entries()).filteredOn(e -> e.resource().equals("hr.landing.departments"))
                .extracting(AccessMatrix.Entry::principal)
                .containsExactlyInAnyOrder("User:hr-producer", "User:hr-validator");

        String table = hr.render();
        assertThat(table).contains("stage", "resource", "principal", "read", "write", "describe");
        assertThat(table).containsPattern("staging +\\| hr\\.staging\\.departments +\\| User:finance-analytical +\\| yes +\\| - +\\| yes");
        assertThat(table).contains("User:tributary-platform (super user) may do everything");
    }

    @Test
    void evaluatorFollowsKafkasImplicationsAndDenyWins() {
        var allowRead = ZoneAclsTest.binding("User:a-analyst", ResourceType.TOPIC, "a.staging.",
                PatternType.PREFIXED, AclOperation.READ);
        var deny = new AclBinding(allowRead.pattern(), new AccessControlEntry(
                "User:a-analyst", "*", AclOperation.READ, AclPermissionType.DENY));
        var topic = ResourceType.TOPIC;

        AclEvaluator allowOnly = new AclEvaluator(List.of(allowRead), Set.of("User:root"));
        assertThat(allowOnly.allows("User:a-analyst", AclOperation.DESCRIBE, topic, "a.staging.x")).isTrue();
        assertThat(allowOnly.allows("User:a-analyst", AclOperation.WRITE, topic, "a.staging.x")).isFalse();
        assertThat(allowOnly.allows("User:a-analyst", AclOperation.READ, topic, "a.stagingx")).isFalse();
        assertThat(allowOnly.allows("User:root", AclOperation.WRITE, topic, "anything")).isTrue();
        assertThat(new AclEvaluator(List.of(allowRead, deny), Set.of()).allows("User:a-analyst", AclOperation.READ, topic, "a.staging.x"))
                .isFalse();
    }
}
