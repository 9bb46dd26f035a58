package io.tributary.ingest.auth;

/** Local tries only: anyone may write to any zone, with or without a credential. */
public final class OpenAccess implements ZoneAccess {
    @Override
    public AccessDecision decide(String zone, String authorizationHeader) {
        return AccessDecision.granted("anonymous");
    }

    @Override
    public String describe() {
        return "OPEN mode: no authentication, any client may post to any zone (for local tries only;"
                + " set tributary.ingest.auth.credentials-file to require zone credentials)";
    }
}
