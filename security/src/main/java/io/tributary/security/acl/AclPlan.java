package io.tributary.security.acl;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.common.acl.AclBinding;

/**
 * What it takes to bring the cluster's ACLs to what the descriptors say: bindings to create, and
 * bindings to delete among those of principals the platform manages. Other principals' ACLs
 * (people, other systems) are never touched.
 */
public record AclPlan(List<AclBinding> toCreate, List<AclBinding> toDelete, int unchanged) {

    public AclPlan {
        toCreate = toCreate.stream().sorted(AclText.ORDER).toList();
        toDelete = toDelete.stream().sorted(AclText.ORDER).toList();
    }

    /**
     * @param managed which principals (as {@code User:name}) the platform owns the ACLs of
     */
    public static AclPlan between(Collection<AclBinding> desired, Collection<AclBinding> existing, Predicate<String> managed) {
        Set<AclBinding> have = new HashSet<>(existing);
        Set<AclBinding> want = new HashSet<>(desired);
        List<AclBinding> create = want.stream().filter(b -> !have.contains(b)).toList();
        List<AclBinding> delete = have.stream()
                .filter(b -> managed.test(b.entry().principal()))
                .filter(b -> !want.contains(b))
                .toList();
        int unchanged = (int) want.stream().filter(have::contains).count();
        return new AclPlan(create, delete, unchanged);
    }

    public boolean hasChanges() {
        return !toCreate.isEmpty() || !toDelete.isEmpty();
    }

    /** In the style of zone-topics' plan: {@code +} to create, {@code -} to delete, then a summary line. */
    public String render() {
        StringBuilder text = new StringBuilder("ACLs:\n");
        toCreate.forEach(b -> text.append("+ ").append(AclText.of(b)).append('\n'));
        toDelete.forEach(b -> text.append("- ").append(AclText.of(b)).append('\n'));
        if (!hasChanges()) {
            return text.append("No changes (").append(unchanged).append(" ACLs as desired).").toString();
        }
        return text.append("Plan: ").append(toCreate.size()).append(" ACLs to create, ").append(toDelete.size())
                .append(" to delete, ").append(unchanged).append(" unchanged.").toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
