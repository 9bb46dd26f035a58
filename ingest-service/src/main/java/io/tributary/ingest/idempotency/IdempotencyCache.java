package io.tributary.ingest.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of requests that carried an {@code Idempotency-Key}, so that a retry gets the
 * original answer and nothing is sent twice. Bounded: at most {@code maxKeys} keys, the oldest
 * dropped first, each kept for {@code ttl}. Kept in this instance's memory only: a retry that
 * reaches another instance, or this one after a restart, is processed again (see docs/ingest.md
 * for how to make it durable).
 *
 * @param <A> the stored answer
 */
public final class IdempotencyCache<A> {
    private final int maxKeys;
    private final Duration ttl;
    private final Clock clock;
    /** Insertion order is claim order, so expired entries are at the head. */
    private final LinkedHashMap<IdempotencyKey, Entry<A>> entries = new LinkedHashMap<>();

    private static final class Entry<A> {
        final String bodyDigest;
        final Instant claimedAt;
        A answer;

        Entry(String bodyDigest, Instant claimedAt) {
            this.bodyDigest = bodyDigest;
            this.claimedAt = claimedAt;
        }
    }

    public IdempotencyCache(int maxKeys, Duration ttl, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("tributary.ingest.idempotency.max-keys must be at least 1, not " + maxKeys);
        }
        this.maxKeys = maxKeys;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Looks the key up; when it is new, claims it for the caller, who must then {@link #complete} or {@link #release} it. */
    public synchronized Claim<A> claim(IdempotencyKey key, String bodyDigest) {
        Instant now = clock.instant();
        dropExpired(now);
        Entry<A> existing = entries.get(key);
        if (existing != null) {
            if (!existing.bodyDigest.equals(bodyDigest)) {
                return new Claim.Mismatch<>();
            }
            return existing.answer == null ? new Claim.InFlight<>() : new Claim.Replay<>(existing.answer);
        }
        entries.put(key, new Entry<>(bodyDigest, now));
        while (entries.size() > maxKeys) {
            Iterator<IdempotencyKey> eldest = entries.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return new Claim.Fresh<>();
    }

    /** Stores the answer of a claimed key: retries get it from now on. */
    public synchronized void complete(IdempotencyKey key, A answer) {
        Entry<A> entry = entries.get(key);
        if (entry != null) {
            entry.answer = answer;
        }
    }

    /** Forgets a claimed key whose request was not carried out (e.g. back-pressure): a retry processes it again. */
    public synchronized void release(IdempotencyKey key) {
        Entry<A> entry = entries.get(key);
        if (entry != null && entry.answer == null) {
            entries.remove(key);
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void dropExpired(Instant now) {
        Iterator<Map.Entry<IdempotencyKey, Entry<A>>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry<A> e = it.next().getValue();
            if (e.claimedAt.plus(ttl).isAfter(now)) {
                return;
            }
            it.remove();
        }
    }
}
