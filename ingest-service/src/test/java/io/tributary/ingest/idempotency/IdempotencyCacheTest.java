package io.tributary.ingest.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {
    private final MutableClock clock = new MutableClock();
    private final IdempotencyCache<String> cache = new IdempotencyCache<>(3, Duration.ofMinutes(10), clock);
    private final IdempotencyKey key = new IdempotencyKey("finance", "expenses", "k1");

    @Test
    void aCompletedKeyReplaysItsAnswer() {
        assertThat(cache.claim(key, "d1")).isInstanceOf(Claim.Fresh.class);
        cache.complete(key, "answer-1");
        assertThat(cache.claim(key, "d1")).isEqualTo(new Claim.Replay<>("answer-1"));
    }

    @Test
    void theSameKeyIsAnotherKeyOnAnotherDataset() {
        cache.claim(key, "d1");
        cache.complete(key, "answer-1");
        assertThat(cache.claim(new IdempotencyKey("finance", "other", "k1"), "d1")).isInstanceOf(Claim.Fresh.class);
        assertThat(cache.claim(new IdempotencyKey("audit", "expenses", "k1"), "d1")).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    void aKeyUsedWithAnotherBodyIsAMismatchAndAKeyBeingProcessedIsInFlight() {
        cache.claim(key, "d1");
        assertThat(cache.claim(key, "d1")).isInstanceOf(Claim.InFlight.class);
        assertThat(cache.claim(key, "d2")).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        cache.claim(key, "d1");
        cache.release(key);
        assertThat(cache.claim(key, "d1")).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    void answersExpireAfterTheirTtl() {
        cache.claim(key, "d1");
        cache.complete(key, "answer-1");
        clock.advance(Duration.ofMinutes(9));
        assertThat(cache.claim(key, "d1")).isInstanceOf(Claim.Replay.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.claim(key, "d1")).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    void theOldestKeysAreForgottenBeyondTheBound() {
        for (int i = 0; i < 5; i++) {
            IdempotencyKey k = new IdempotencyKey("finance", "expenses", "k" + i);
            cache.claim(k, "d");
            cache.complete(k, "a" + i);
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.claim(new IdempotencyKey("finance", "expenses", "k4"), "d")).isEqualTo(new Claim.Replay<>("a4"));
        assertThat(cache.claim(new IdempotencyKey("finance", "expenses", "k0"), "d")).isInstanceOf(Claim.Fresh.class);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
