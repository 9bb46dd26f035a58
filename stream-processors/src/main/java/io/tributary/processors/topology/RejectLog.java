package io.tributary.processors.topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.processors.validation.ValidationOutcome;

/**
 * Logs rejections, one line each, but at most {@code perMinute} per dataset a minute: a producer
 * sending only bad records must not flood the console. The rejected topic and the counters keep
 * the full account.
 */
final class RejectLog {
    private static final Logger LOG = LoggerFactory.getLogger(RejectLog.class);
    private static final long MINUTE_MS = 60_000;

    private final String rejectedTopic;
    private final int perMinute;
    private long windowStart;
    private int loggedInWindow;
    private long suppressedInWindow;

    RejectLog(String rejectedTopic, int perMinute) {
        this.rejectedTopic = rejectedTopic;
        this.perMinute = perMinute;
    }

    synchronized void rejected(String topic, int partition, long offset, ValidationOutcome.Rejected why) {
        long now = System.currentTimeMillis();
        if (now - windowStart >= MINUTE_MS) {
            if (suppressedInWindow > 0) {
                LOG.warn("{} more records of {} were rejected to {} in the last minute without a log line", suppressedInWindow,
                        topic, rejectedTopic);
            }
            windowStart = now;
            loggedInWindow = 0;
            suppressedInWindow = 0;
        }
        if (loggedInWindow < perMinute) {
            loggedInWindow++;
            LOG.warn("Rejected {}-{}@{} to {}: {}", topic, partition, offset, rejectedTopic, why);
            if (loggedInWindow == perMinute) {
                LOG.warn("Further rejections from {} this minute are counted but not logged", topic);
            }
        } else {
            suppressedInWindow++;
        }
    }
}
