package io.tributary.bench.security;

/** How the broker of one run is set up. */
enum SecurityMode {
    OPEN("open", "PLAINTEXT, no authentication, no ACLs"),
    SECURED("secured", "SASL_PLAINTEXT, SCRAM-SHA-512, StandardAuthorizer, allow.everyone.if.no.acl.found=false");

    private final String id;
    private final String description;

    SecurityMode(String id, String description) {
        this.id = id;
        this.description = description;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }
}
