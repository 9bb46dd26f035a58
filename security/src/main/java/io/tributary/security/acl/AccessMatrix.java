package io.tributary.security.acl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import io.tributary.model.ZoneDescriptor;
import io.tributary.security.ZonePrincipal;

/**
 * Who may do what on a zone's topics: for each topic, every principal with any access and the
 * operations it has. The platform's own user, a super user, may do everything and is listed once
 * at the end. More kinds of resource (schema subjects, S3 prefixes, tables) can join as rows.
 */
public record AccessMatrix(String zone, List<Entry> entries) {

    /** The operations the matrix shows, in its column order. */
    public static final List<AclOperation> OPERATIONS = List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);

    /** One resource, one principal with some access to it, and which of {@link #OPERATIONS} it may do. */
    public record Entry(String resourceKind, String resource, String stage, String principal, Set<AclOperation> operations) {
        public Entry {
            operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        }
    }

    public AccessMatrix {
        entries = List.copyOf(entries);
    }

    /**
     * @param zones    every zone (principals of other zones may have access to this one's published data)
     * @param bindings the ACLs, usually {@link ZoneAcls#desired}
     */
    public static AccessMatrix forZone(String zone, List<ZoneDescriptor> zones, Collection<AclBinding> bindings) {
        ZoneDescriptor descriptor = zones.stream().filter(z -> z.zone().equals(zone)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no zone " + zone + " among the descriptors"));
        AclEvaluator evaluator = new AclEvaluator(bindings, Set.of());
        List<ZonePrincipal> principals = ZoneAcls.principals(zones);
        List<Entry> entries = new ArrayList<>();
        for (ZoneTopicList.ZoneTopic topic : ZoneTopicList.of(descriptor)) {
            for (ZonePrincipal principal : principals) {
                Set<AclOperation> allowed = EnumSet.noneOf(AclOperation.class);
                for (AclOperation operation : OPERATIONS) {
                    if (evaluator.allows(principal.principal(), operation, ResourceType.TOPIC, topic.name())) {
                        allowed.add(operation);
                    }
                }
                if (!allowed.isEmpty()) {
                    entries.add(new Entry("topic", topic.name(), topic.stage().id(), principal.principal(), allowed));
                }
            }
        }
        return new AccessMatrix(zone, entries);
    }

    /** The operations {@code principal} has on {@code resource}; empty if none. */
    public Set<AclOperation> operations(String resource, String principal) {
        return entries.stream().filter(e -> e.resource().equals(resource) && e.principal().equals(principal))
                .map(Entry::operations).findFirst().orElse(Set.of());
    }

    public String render() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("stage", "resource", "principal", "read", "write", "describe"));
        for (Entry e : entries) {
            List<String> row = new ArrayList<>(List.of(e.stage(), e.resource(), e.principal()));
            OPERATIONS.forEach(op -> row.add(e.operations().contains(op) ? "yes" : "-"));
            rows.add(row);
        }
        return "Access to zone " + zone + ":\n" + TextTable.render(rows)
                + "\n" + ZonePrincipal.platformPrincipal() + " (super user) may do everything; no one else has any access.";
    }

    @Override
    public String toString() {
        return render();
    }
}
