package io.tributary.security.acl;

import java.util.Comparator;
import java.util.Locale;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;

/** One binding as a line of a plan: {@code User:finance-producer WRITE topic finance.landing.* (prefixed)}. */
public final class AclText {
    /** Principal, then resource type and name, then operation: a plan reads per principal. */
    public static final Comparator<AclBinding> ORDER = Comparator
            .comparing((AclBinding b) -> b.entry().principal())
            .thenComparing(b -> b.pattern().resourceType())
            .thenComparing(b -> b.pattern().name())
            .thenComparing(b -> b.pattern().patternType())
            .thenComparing(b -> b.entry().operation())
            .thenComparing(b -> b.entry().permissionType());

    private AclText() {
    }

    public static String of(AclBinding binding) {
        String name = binding.pattern().name() + (binding.pattern().patternType() == PatternType.PREFIXED ? "*" : "");
        String permission = binding.entry().permissionType().name().toLowerCase(Locale.ROOT);
        String host = "*".equals(binding.entry().host()) ? "" : " from " + binding.entry().host();
        return permission + " " + binding.entry().principal() + " " + binding.entry().operation() + " "
                + binding.pattern().resourceType().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + name + host;
    }
}
