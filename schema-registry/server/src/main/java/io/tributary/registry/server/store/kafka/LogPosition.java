package io.tributary.registry.server.store.kafka;

import java.time.Duration;

/**
 * How far the reader has consumed the log (the offset of the next record it will read), and a
 * way for writers to wait until it has passed their own record.
 */
final class LogPosition {
    private long position = -1;

    synchronized void advanceTo(long newPosition) {
        if (newPosition > position) {
            position = newPosition;
            notifyAll();
        }
    }

    synchronized long current() {
        return position;
    }

    /** Waits until the position is at least {@code target}; false on timeout. */
    synchronized boolean awaitAtLeast(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position < target) {
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                return false;
            }
            wait(remainingMs);
        }
        return true;
    }
}
