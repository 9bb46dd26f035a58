package io.tributary.ingest.auth;

/** Decides whether the credential of a request ({@code Authorization} header, may be null) may write to a zone. */
public interface ZoneAccess {
    AccessDecision decide(String zone, String authorizationHeader);

    /** What a log line at start should say about this mode. */
    String describe();
}
