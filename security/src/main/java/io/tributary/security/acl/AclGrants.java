package io.tributary.security.acl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.tributary.security.ZonePrincipal;

/** Collects ALLOW bindings for one principal at a time, once each, in the order they are granted. */
final class AclGrants {
    private final Set<AclBinding> bindings = new LinkedHashSet<>();

    /** What one principal is granted; READ and WRITE imply DESCRIBE, so DESCRIBE is never granted alone. */
    final class For {
        private final String principal;

        private For(ZonePrincipal principal) {
            this.principal = principal.principal();
        }

        For readTopics(String prefix) {
            return add(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.READ);
        }

        For writeTopics(String prefix) {
            return add(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.WRITE);
        }

        For readTopic(String name) {
            return add(ResourceType.TOPIC, name, PatternType.LITERAL, AclOperation.READ);
        }

        For writeTopic(String name) {
            return add(ResourceType.TOPIC, name, PatternType.LITERAL, AclOperation.WRITE);
        }

        /** Everything on topics an application owns alone (Kafka Streams' changelog and repartition topics). */
        For ownTopics(String prefix) {
            return add(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.ALL);
        }

        For groups(String prefix) {
            return add(ResourceType.GROUP, prefix, PatternType.PREFIXED, AclOperation.ALL);
        }

        For transactionalIds(String prefix) {
            return add(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.WRITE);
        }

        private For add(ResourceType type, String name, PatternType pattern, AclOperation operation) {
            bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
            return this;
        }
    }

    For grant(ZonePrincipal principal) {
        return new For(principal);
    }

    List<AclBinding> bindings() {
        return new ArrayList<>(bindings);
    }
}
