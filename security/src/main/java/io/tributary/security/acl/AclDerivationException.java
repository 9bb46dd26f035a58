package io.tributary.security.acl;

import java.util.List;

/** The descriptors ask for access the platform does not grant; no ACL is derived, so nothing is applied. */
public final class AclDerivationException extends RuntimeException {
    private final List<String> problems;

    public AclDerivationException(List<String> problems) {
        super("Cannot derive ACLs from the zone descriptors (nothing will be applied until these are fixed):\n  ! "
                + String.join("\n  ! ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
