package io.tributary.ingest.idempotency;

/** What {@link IdempotencyCache#claim} found for a key. */
public sealed interface Claim<A> {
    /** First use of the key (or its answer expired): the caller processes the request, then completes or releases the key. */
    record Fresh<A>() implements Claim<A> {
    }

    /** A retry: the original answer, to be returned as it was; nothing is sent again. */
    record Replay<A>(A answer) implements Claim<A> {
    }

    /** The key was used with another body: a client bug, not a retry. */
    record Mismatch<A>() implements Claim<A> {
    }

    /** The first request with this key is still being processed. */
    record InFlight<A>() implements Claim<A> {
    }
}
